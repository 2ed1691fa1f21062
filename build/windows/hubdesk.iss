; Inno Setup script for HubDesk: a per-user installer of the PyInstaller one-folder app.
; Needs Inno Setup 6.3 or later. build\windows\build.ps1 runs it; by hand, after the PyInstaller
; build and build\make_icons.py:
;
;   iscc /DAppVersion=1.2.3 /DAppNumericVersion=1.2.3.0 build\windows\hubdesk.iss
;
; The version is never written in this file: it comes from the package metadata through
; /DAppVersion (and, optionally, /DAppNumericVersion for the setup's file properties). Relative
; paths are relative to this file. Output: dist\hubdesk-<version>-windows-x64-setup.exe.
; Optional: /DDistDir=<one-folder app> to package another build; /DSignTool=<name> together with
; /S<name>=<sign command> to sign the setup and the uninstaller (README "Building installers").

#ifndef AppVersion
  #error Pass the version from the package metadata: iscc /DAppVersion=X.Y.Z hubdesk.iss
#endif
#ifndef DistDir
  #define DistDir "..\pyinstaller\dist\hubdesk"
#endif
#define AppName "HubDesk"
; The window app, started by the shortcuts and the .vcf association: hubdeskw.exe has no console.
; hubdesk.exe beside it is the same program as a console one, for the command line.
#define AppExe "hubdeskw.exe"
#define VcfProgId "HubDesk.vcf"

[Setup]
; AppId identifies the installation for upgrades and uninstall: never change it.
AppId={{4DF02CD6-5D20-49C5-8D5A-3F8E24C1B8FD}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=HubDesk
#ifdef AppNumericVersion
VersionInfoVersion={#AppNumericVersion}
#endif
VersionInfoProductTextVersion={#AppVersion}
; Per-user by default (no administrator rights, installs under %LOCALAPPDATA%\Programs); the
; dialog or /ALLUSERS on the command line installs for all users under Program Files instead.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile=..\icons\hubdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
OutputDir=..\..\dist
OutputBaseFilename=hubdesk-{#AppVersion}-windows-x64-setup
; A running HubDesk is asked to close before its files are replaced.
CloseApplications=yes
ChangesAssociations=yes
#ifdef SignTool
SignTool={#SignTool}
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"

[CustomMessages]
english.AssocGroup=File associations:
japanese.AssocGroup=ファイルの関連付け:
english.AssocVcf=Open &vCard files (.vcf) with HubDesk
japanese.AssocVcf=vCard ファイル (.vcf) を HubDesk で開く(&V)
english.VcfTypeName=vCard file
japanese.VcfTypeName=vCard ファイル

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "assocvcf"; Description: "{cm:AssocVcf}"; GroupDescription: "{cm:AssocGroup}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundled runtime whole: files an older version shipped and this one
; does not must not be picked up by the new executable.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; HKA is HKCU for a per-user install and HKLM for an all-users one.
Root: HKA; Subkey: "Software\Classes\.vcf\OpenWithProgids"; ValueType: string; ValueName: "{#VcfProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: assocvcf
Root: HKA; Subkey: "Software\Classes\{#VcfProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:VcfTypeName}"; Flags: uninsdeletekey; Tasks: assocvcf
Root: HKA; Subkey: "Software\Classes\{#VcfProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: assocvcf
Root: HKA; Subkey: "Software\Classes\{#VcfProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: assocvcf
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; Flags: uninsdeletekey; Tasks: assocvcf
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".vcf"; ValueData: ""; Tasks: assocvcf

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
