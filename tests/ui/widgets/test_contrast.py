"""WCAG AA contrast of the palettes, semantic colours, stage chips and cards, light and dark."""

from __future__ import annotations

import importlib
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, QRect
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QImage,
    QPainter,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
)
from pytestqt.qtbot import QtBot

from jobtracker.secrets import SessionSecretStore
from jobtracker.tracker import Tracker
from jobtracker.ui.applications.applications_model import StageColorRole, overdue_color
from jobtracker.ui.applications.card_delegate import _blend
from jobtracker.ui.applications.stage_delegate import StageChipDelegate, chip_colors
from jobtracker.ui.mail.mail_scan import MailContext
from jobtracker.ui.preferences.mail_accounts_page import MailAccountsPage
from jobtracker.ui.widgets.contrast import (
    GRAPHIC_CONTRAST,
    TEXT_CONTRAST,
    contrast_ratio,
    error_color,
    info_color,
    readable_fill,
    readable_text_on,
    relative_luminance,
    set_tone,
    success_color,
    tone_style,
    warning_color,
    with_contrast,
)
from jobtracker.ui.widgets.field_errors import FieldErrors
from jobtracker.ui.widgets.theme import apply_theme

Role = QPalette.ColorRole
DEFAULT_STAGES = importlib.import_module(
    "jobtracker.migrations.versions.0001_initial_schema").DEFAULT_STAGES
# Colours databases made before may still hold (the default changed, the data did not).
OLD_DEFAULTS = [("Interviewing (old default)", "#8B5CF6")]
THEMES = ("light", "dark")


def app() -> QApplication:
    instance = QApplication.instance()
    assert isinstance(instance, QApplication)
    return instance


@pytest.fixture(params=THEMES)
def theme(request: pytest.FixtureRequest) -> Iterator[str]:
    """Each test once per theme; the light theme is put back afterwards."""
    apply_theme(app(), request.param)
    try:
        yield request.param
    finally:
        apply_theme(app(), "light")


def check(failures: list[str], what: str, ratio: float, minimum: float) -> None:
    if ratio < minimum:
        failures.append(f"{what}: {ratio:.2f}:1, under {minimum}:1")


def test_the_wcag_formula() -> None:
    assert contrast_ratio(QColor("#000000"), QColor("#FFFFFF")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("#FFFFFF")) == pytest.approx(4.48, abs=0.01)
    assert relative_luminance(QColor("#FFFFFF")) == pytest.approx(1.0)
    # Half-transparent black on white is painted as mid grey.
    half = QColor(0, 0, 0, 128)
    assert contrast_ratio(half, QColor("#FFFFFF")) == pytest.approx(
        contrast_ratio(QColor("#7F7F7F"), QColor("#FFFFFF")), abs=0.05)
    assert readable_text_on(QColor("#06B6D4")).name() == "#111111"  # white was 2.4:1
    assert readable_text_on(QColor("#1D4ED8")).name() == "#ffffff"


# Text roles and what they are drawn on. BrightText is meant for highlighted (pressed,
# default) buttons, so it is checked on Highlight. Disabled colours are left out: WCAG
# exempts inactive controls. The placeholder is held to 4.5:1 like other text (it is the only
# label some fields have), on fields and on the window (the suggestions list uses it there).
TEXT_PAIRS = [
    (Role.WindowText, Role.Window), (Role.Text, Role.Base), (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button), (Role.HighlightedText, Role.Highlight),
    (Role.PlaceholderText, Role.Base), (Role.PlaceholderText, Role.Window),
    (Role.ToolTipText, Role.ToolTipBase), (Role.Link, Role.Base), (Role.Link, Role.Window),
    (Role.LinkVisited, Role.Base), (Role.BrightText, Role.Highlight),
]


def test_palette_text_roles_read_at_4_5(theme: str) -> None:
    palette = app().palette()
    failures: list[str] = []
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for text, ground in TEXT_PAIRS:
            ratio = contrast_ratio(palette.color(group, text), palette.color(group, ground))
            check(failures, f"{theme} {group.name} {text.name} "
                  f"{palette.color(group, text).name()} on {ground.name} "
                  f"{palette.color(group, ground).name()}", ratio, TEXT_CONTRAST)
    assert not failures, "\n".join(failures)


def test_semantic_colours_read_on_window_and_fields(theme: str) -> None:
    palette = app().palette()
    failures: list[str] = []
    for name, color in (("error", error_color(palette)), ("warning", warning_color(palette)),
                        ("success", success_color(palette)), ("info", info_color(palette)),
                        ("overdue", overdue_color())):
        for ground in (Role.Window, Role.Base, Role.AlternateBase, Role.Button):
            check(failures, f"{theme} {name} {color.name()} on {ground.name} "
                  f"{palette.color(ground).name()}",
                  contrast_ratio(color, palette.color(ground)), TEXT_CONTRAST)
    assert not failures, "\n".join(failures)
    # One error colour per theme, and it is not the old fixed red.
    assert error_color(palette).name() == ("#f87171" if theme == "dark" else "#b91c1c")


def test_every_default_stage_chip_reads(theme: str) -> None:
    palette = app().palette()
    rows = [palette.color(Role.Base), palette.color(Role.AlternateBase)]
    highlight = palette.color(Role.Highlight)
    failures: list[str] = []
    for name, _kind, hex_color in [*DEFAULT_STAGES, *[(n, "", c) for n, c in OLD_DEFAULTS]]:
        for selected in (False, True):
            colors = chip_colors(QColor(hex_color), palette, selected=selected)
            where = f"{theme} {'selected' if selected else 'plain'} {name} chip {hex_color}"
            check(failures, f"{where}: text {colors.text.name()} on {colors.fill.name()}",
                  contrast_ratio(colors.text, colors.fill), TEXT_CONTRAST)
            grounds = [highlight] if selected else rows
            for ground in grounds:
                # The chip's outer edge: its ring, or its fill where no ring is needed.
                edge = colors.ring if colors.ring is not None else colors.fill
                check(failures, f"{where}: edge {edge.name()} on row {ground.name()}",
                      contrast_ratio(edge, ground), GRAPHIC_CONTRAST)
    assert not failures, "\n".join(failures)


def test_any_user_colour_gets_readable_chip_text() -> None:
    # Colours are the user's to choose: mid-tones are shifted a shade where they are drawn.
    failures: list[str] = []
    for hue in range(0, 360, 15):
        for lightness in range(0, 256, 17):
            color = QColor.fromHsl(hue, 200, lightness)
            fill = readable_fill(color)
            check(failures, f"{color.name()} (drawn {fill.name()})",
                  contrast_ratio(readable_text_on(fill), fill), TEXT_CONTRAST)
    assert not failures, "\n".join(failures)


def test_cards_stripe_and_text_read(theme: str) -> None:
    palette = app().palette()
    base, text = palette.color(Role.Base), palette.color(Role.Text)
    muted = _blend(text, base, 0.62)  # as CardDelegate paints days, stars and tags
    failures: list[str] = []
    for selected in (False, True):
        fill = _blend(palette.color(Role.Highlight), base, 0.12) if selected else base
        where = f"{theme} {'selected' if selected else 'plain'} card {fill.name()}"
        stale = with_contrast(warning_color(palette), [fill], TEXT_CONTRAST)
        check(failures, f"{where}: stale days {stale.name()}",
              contrast_ratio(stale, fill), TEXT_CONTRAST)
        for name, color in (("text", text), ("muted", muted),
                            ("link", palette.color(Role.Link))):
            check(failures, f"{where}: {name} {color.name()}",
                  contrast_ratio(color, fill), TEXT_CONTRAST)
        check(failures, f"{where}: tag", contrast_ratio(muted, _blend(text, base, 0.1)),
              TEXT_CONTRAST)
        for name, _kind, hex_color in DEFAULT_STAGES:
            stripe = with_contrast(QColor(hex_color), [fill], GRAPHIC_CONTRAST)
            check(failures, f"{where}: {name} stripe {stripe.name()}",
                  contrast_ratio(stripe, fill), GRAPHIC_CONTRAST)
    assert not failures, "\n".join(failures)


def test_timeline_stage_names_read(theme: str) -> None:
    palette = app().palette()
    rows = [palette.color(Role.Base), palette.color(Role.AlternateBase)]
    failures: list[str] = []
    for name, _kind, hex_color in DEFAULT_STAGES:
        color = with_contrast(QColor(hex_color), rows, TEXT_CONTRAST)  # as the timeline does
        for row in rows:
            check(failures, f"{theme} timeline {name} {color.name()} on {row.name()}",
                  contrast_ratio(color, row), TEXT_CONTRAST)
    assert not failures, "\n".join(failures)


def _paint_chip(view: QTableView, name: str, color: str, *, selected: bool) -> QImage:
    """One stage cell painted by the real delegate, as the table paints it."""
    model = view.model()
    assert isinstance(model, QStandardItemModel)
    model.clear()
    item = QStandardItem(name)
    item.setData(color, StageColorRole)
    model.appendRow(item)
    index: QModelIndex = model.index(0, 0)
    palette = app().palette()
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 180, 32)
    option.palette = palette
    option.font = view.font()
    option.fontMetrics = QFontMetrics(view.font())
    option.widget = view
    option.state = (QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Active
                    | (QStyle.StateFlag.State_Selected if selected
                       else QStyle.StateFlag.State_None))
    image = QImage(option.rect.size(), QImage.Format.Format_RGB32)
    image.fill(palette.color(Role.Base))  # the viewport's background under the cell
    painter = QPainter(image)
    StageChipDelegate(view).paint(painter, option, index)
    painter.end()
    return image


def test_painted_chips_read(qtbot: QtBot, theme: str) -> None:
    """Sample the pixels the delegate paints: edge against row, text against fill."""
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(QStandardItemModel(view))
    palette = app().palette()
    failures: list[str] = []
    for name, _kind, hex_color in [*DEFAULT_STAGES, *[(n, "", c) for n, c in OLD_DEFAULTS]]:
        for selected in (False, True):
            where = f"{theme} {'selected' if selected else 'plain'} {name} chip"
            image = _paint_chip(view, name, hex_color, selected=selected)
            middle = image.height() // 2
            row = image.pixelColor(image.width() - 3, middle)
            expected_row = palette.color(Role.Highlight if selected else Role.Base)
            assert row.name() == expected_row.name(), where
            left = next(x for x in range(image.width())
                        if image.pixelColor(x, middle).name() != row.name())
            edge = image.pixelColor(left, middle)
            fill = image.pixelColor(left + 5, middle)  # inside the padding, before the text
            colors = chip_colors(QColor(hex_color), palette, selected=selected)
            assert abs(fill.red() - colors.fill.red()) <= 2, (where, fill.name())
            check(failures, f"{where}: edge {edge.name()} on row {row.name()}",
                  contrast_ratio(edge, row), GRAPHIC_CONTRAST)
            # The text's strongest pixels (stems are fully covered) against the fill.
            chip_pixels = [image.pixelColor(x, y) for x in range(left + 6, left + 60)
                           for y in range(middle - 5, middle + 5)]
            ink = max(chip_pixels, key=lambda pixel: contrast_ratio(pixel, fill))
            check(failures, f"{where}: text {ink.name()} on {fill.name()}",
                  contrast_ratio(ink, fill), TEXT_CONTRAST)
    assert not failures, "\n".join(failures)


def test_tones_follow_the_theme(qtbot: QtBot) -> None:
    label = QLabel("Could not save.")
    field = QLineEdit()
    qtbot.addWidget(label)
    qtbot.addWidget(field)
    set_tone(label, "error")
    errors = FieldErrors()
    message = QLabel()
    qtbot.addWidget(message)
    errors.add("title", field, message)
    errors.show("title", "required")
    try:
        for theme in THEMES:
            apply_theme(app(), theme)
            app().processEvents()  # the palette-change events are partly posted
            red = error_color(app().palette()).name()
            assert label.styleSheet() == f"color: {red};", theme
            assert message.styleSheet() == f"color: {red};", theme
            assert red in field.styleSheet(), theme
    finally:
        apply_theme(app(), "light")
    errors.clear("title")
    assert field.styleSheet() == ""
    set_tone(label, None)
    assert label.styleSheet() == ""


def test_the_keyring_notice_is_information_not_an_error(
        qtbot: QtBot, ui_tracker: Tracker, theme: str) -> None:
    context = MailContext(SessionSecretStore(), "No system keyring was found.")
    page = MailAccountsPage(ui_tracker, context)
    qtbot.addWidget(page)
    page.show()
    label = page.ui.keyringLabel
    assert label.isVisible()
    palette = app().palette()
    style = label.styleSheet()
    assert style == tone_style("notice", palette)
    assert error_color(palette).name() not in style
    assert info_color(palette).name() in style
    # What is painted: the text against the frame's tint, the frame against the window.
    image = label.grab().toImage()
    tint = image.pixelColor(image.width() - 3, image.height() // 2)
    frame = image.pixelColor(1, image.height() // 2)
    ink = max((image.pixelColor(x, y) for x in range(image.width())
               for y in range(image.height())
               if 4 < x < image.width() - 4 and 1 < y < image.height() - 1),
              key=lambda pixel: contrast_ratio(pixel, tint))
    assert contrast_ratio(ink, tint) >= TEXT_CONTRAST, (theme, ink.name(), tint.name())
    window = palette.color(Role.Window)
    assert contrast_ratio(frame, window) >= GRAPHIC_CONTRAST, (theme, frame.name())
