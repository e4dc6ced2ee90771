; Inno Setup script: the Windows installer around the PyInstaller bundle.
;
;   pyinstaller --noconfirm jobtracker.spec                  -> dist\jobtracker\
;   iscc /DAppVersion=0.1.0 packaging\windows\jobtracker.iss -> dist\jobtracker-0.1.0-windows-x64-setup.exe
;
; The release workflow (.github/workflows/release.yml) runs both, passing jobtracker.__version__,
; then installs the result silently and runs the installed jobtracker.exe --smoke-test.
; Paths are relative to this file's folder. It installs for the current user by default (no
; administrator needed; the first page offers all users), adds a Start-menu entry for the
; windowed jobtracker-gui.exe, and uninstalls from Settings > Apps.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\jobtracker.iss
#endif
#define Root "..\.."

[Setup]
; Never change AppId: Windows finds an installed JobTracker by it, to upgrade or remove it.
AppId={{72A30618-4B77-4150-955C-7E47CA234050}
AppName=JobTracker
AppVersion={#AppVersion}
AppVerName=JobTracker {#AppVersion}
AppPublisher=The JobTracker developers
AppPublisherURL=https://github.com/jobtracker/jobtracker
AppSupportURL=https://github.com/jobtracker/jobtracker/issues
AppCopyright=GPL-3.0-or-later
DefaultDirName={autopf}\JobTracker
DisableProgramGroupPage=yes
; A candidate's own laptop may be a work machine without administrator rights.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
; The bundle is 64-bit Python and Qt.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=jobtracker-{#AppVersion}-windows-x64-setup
SetupIconFile={#Root}\resources\icons\app\jobtracker.ico
UninstallDisplayIcon={app}\jobtracker-gui.exe
UninstallDisplayName=JobTracker
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Python and Qt files in use by a running JobTracker cannot be replaced: ask to close it.
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade must not mix two versions' libraries and package metadata (keyring finds its
; backends through the metadata), so the old bundle's folder goes before the new one is copied.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Root}\dist\jobtracker\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\JobTracker"; Filename: "{app}\jobtracker-gui.exe"; Comment: "Keep your whole job search in one private, offline file"
Name: "{autodesktop}\JobTracker"; Filename: "{app}\jobtracker-gui.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\jobtracker-gui.exe"; Description: "{cm:LaunchProgram,JobTracker}"; Flags: nowait postinstall skipifsilent
