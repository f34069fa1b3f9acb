; Inno Setup 6 script: a per-user installer for Partner Desk on Windows.
;
;   (PowerShell, at the repository root)
;   uv run --locked --group build pyinstaller build.spec --noconfirm --clean
;   $v = uv run --locked python -c "import desktop; print(desktop.__version__)"
;   iscc /DAppVersion=$v installer\windows\partner-desk.iss
;
; Input: dist\partner-desk\ (partner-desk.exe, partner-desk-console.exe, _internal\).
; Output: dist\installer\PartnerDesk-<version>-setup.exe. See installer\README.md.
;
; No administrator rights: it installs into %LOCALAPPDATA%\Programs\Partner Desk and the
; user's Start menu. Settings, the token cache, drafts, the data cache and logs live elsewhere,
; in %LOCALAPPDATA%\PartnerDesk (platformdirs, desktop\paths.py): neither an upgrade nor an
; uninstall touches them, so a new version finds the user's setup as it was left.

#ifndef AppVersion
  #error Pass the version from the package: iscc /DAppVersion=<version> (installer\README.md)
#endif

#define AppName "Partner Desk"
#define AppExe "partner-desk.exe"
#define ConsoleExe "partner-desk-console.exe"
#define Bundle "..\..\dist\partner-desk"

[Setup]
; The AppId is how Windows and this installer recognise an earlier install, to upgrade it in
; place (same folder, same Start-menu entry, one entry in Apps & features). Never change it.
AppId={{5966A95C-B7F6-4096-AAA0-152E1D7EF80A}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
; VersionInfoVersion is left to default to AppVersion when that is numeric (x.y.z).
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 needs Windows 10 1809 or later.
MinVersion=10.0.17763
; An upgrade while Partner Desk runs: offer to close it (Restart Manager) instead of failing on
; files in use.
CloseApplications=yes
RestartApplications=no
SetupIconFile=..\..\resources\icons\partner-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist\installer
OutputBaseFilename=PartnerDesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; Upgrade in place: the previous version's libraries go before the new ones are copied, so no
; module of an older bundle lingers beside the new one. Program files only (see the top).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\{#ConsoleExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Customers, service health, incidents, admin portals and service requests"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the uninstaller removes what [Files] installed and nothing else; the
; user's settings, token cache, drafts and cache stay for a later reinstall. "Sign out" in the
; app removes the tokens.
