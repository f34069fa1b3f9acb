; Inno Setup 6 script: the Partner Desk installer for Windows (per user, or for all users).
;
;   (PowerShell, at the repository root)
;   uv run --locked --group build pyinstaller build.spec --noconfirm --clean
;   $v = uv run --locked python -c "import desktop; print(desktop.__version__)"
;   iscc /DAppVersion=$v installer\windows\partner-desk.iss
;   signed: iscc /DAppVersion=$v /DSIGN "/Ssigntool=signtool.exe sign /fd sha256 /tr <url> /td sha256 /a $f" ...
;
; Input: dist\partner-desk\ (partner-desk.exe, partner-desk-console.exe, _internal\), or the
; folder given with /DBundle=<path> (`make windows-installer-check` passes a stand-in).
; Output: dist\installer\PartnerDesk-<version>-setup.exe. See installer\README.md.
;
; Per user by default, without administrator rights: %LOCALAPPDATA%\Programs\Partner Desk and
; the user's Start menu. `/ALLUSERS` on the command line (Intune, SCCM: they run setup as
; SYSTEM) or the dialog's "for all users" installs into Program Files for every user.
; Settings, the token cache, drafts, the data cache and logs live elsewhere, in each user's
; %LOCALAPPDATA%\PartnerDesk (platformdirs, desktop\config\paths.py): neither an upgrade nor an
; uninstall touches them, so a new version finds the user's setup as it was left.

#ifndef AppVersion
  #error Pass the version from the package: iscc /DAppVersion=<version> (installer\README.md)
#endif

; Setup's version resource must be numeric (a.b.c[.d]): a pre-release (1.4.0rc1) passes its
; release part as /DFileVersion=1.4.0 (`make windows-installer-check` does).
#ifndef FileVersion
  #define FileVersion AppVersion
#endif

#define AppName "Partner Desk"
#define AppExe "partner-desk.exe"
#define ConsoleExe "partner-desk-console.exe"
#ifndef Bundle
  #define Bundle "..\..\dist\partner-desk"
#endif
; The named mutex Partner Desk holds while it runs (desktop/gui_instance.py, APP_MUTEX).
#define AppMutexName "PartnerDesk.Running"

[Setup]
; The AppId is how Windows and this installer recognise an earlier install, to upgrade it in
; place (same folder, same Start-menu entry, one entry in Apps & features). Never change it.
AppId={{5966A95C-B7F6-4096-AAA0-152E1D7EF80A}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
; Setup's own version resource (what Intune's and Explorer's file details show); it would
; otherwise be 0.0.0.0.
VersionInfoVersion={#FileVersion}
VersionInfoProductVersion={#FileVersion}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoDescription={#AppName} setup
; Per user by default (no administrator rights); `/ALLUSERS` (IT, run as SYSTEM) or the
; dialog's choice installs for all users into Program Files. {autopf}, {autoprograms} and
; {autodesktop} follow the mode; the uninstaller removes from where it was installed.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
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
; A running Partner Desk holds this mutex (in its session and, for an all-users install
; removed from another session, the global namespace): setup and the uninstaller ask for it to
; be closed first. Silent (/SUPPRESSMSGBOXES), they stop with a non-zero exit code instead.
AppMutex={#AppMutexName},Global\{#AppMutexName}
#ifdef SIGN
; Signed when a sign tool is given (`/DSIGN "/Ssigntool=..."`, installer\README.md): setup,
; the uninstaller it writes, and both executables (signonce: not signed again if the build
; signed them already). Without SIGN the script compiles unsigned.
SignTool=signtool
SignedUninstaller=yes
#endif
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
#ifdef SIGN
  #define ExeFlags "ignoreversion signonce"
#else
  #define ExeFlags "ignoreversion"
#endif
Source: "{#Bundle}\{#AppExe}"; DestDir: "{app}"; Flags: {#ExeFlags}
Source: "{#Bundle}\{#ConsoleExe}"; DestDir: "{app}"; Flags: {#ExeFlags}
Source: "{#Bundle}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Customers, service health, incidents, admin portals and service requests"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the uninstaller removes what [Files] installed and nothing else; the
; user's settings, token cache, drafts and cache stay for a later reinstall. "Sign out" in the
; app removes the tokens.
