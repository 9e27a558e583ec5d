; Inno Setup 6.3+ script: a per-user installer of the PyInstaller build (dist\xuncha).
; No administrator rights: installs into %LOCALAPPDATA%\Programs\xuncha, with a Start menu
; entry (and an optional desktop icon) for the current user, and an uninstaller in
; Settings → Apps. The user's databases, backups, settings and logs live elsewhere
; (%LOCALAPPDATA%\xuncha, see desktop/services/locations.py) and are never removed.
;
; Build the program first (packaging\WINDOWS.md), then, from the checkout:
;     iscc packaging\windows\xuncha.iss
; The version is read from dist\xuncha\xuncha-gui.exe (its version resource, written by
; packaging\xuncha.spec from desktop/__init__.py); /DAppVersion=1.2.3 overrides it.
; Output: dist\xuncha-setup-<version>.exe
;
; This file is UTF-8 with a byte-order mark, as Inno Setup needs for the Chinese texts.

#define AppName "村（社区）巡察工作台"
#define AppNameEn "Village inspection workbench"
#define AppExe "xuncha-gui.exe"
#define BuildDir AddBackslash(SourcePath) + "..\..\dist\xuncha"

#if !FileExists(BuildDir + "\" + AppExe)
  #error "No build in dist\xuncha: run  py packaging\build.py  first"
#endif
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(BuildDir + "\" + AppExe, "ProductVersion")
#endif

[Setup]
; The AppId identifies the program for upgrades and uninstalling: never change it.
AppId={{FA4E2105-600E-4902-8AF1-A2476EF8293A}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=xuncha
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
; Per user, no UAC prompt. {autopf} is then %LOCALAPPDATA%\Programs, {autoprograms} the
; user's Start menu. /ALLUSERS on the command line (as an administrator) installs for all.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
DefaultDirName={autopf}\xuncha
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#AddBackslash(SourcePath)}..\..\dist
OutputBaseFilename=xuncha-setup-{#AppVersion}
SetupIconFile={#AddBackslash(SourcePath)}..\..\resources\icons\xuncha.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running copy before replacing its files (Restart Manager), and start it again.
CloseApplications=yes
RestartApplications=no

[Languages]
; Chinese Simplified is an unofficial Inno Setup translation: put ChineseSimplified.isl
; beside this script or into Inno Setup's Languages folder (see WINDOWS.md). Without it the
; installer is in English only; the program itself is Chinese either way.
#if FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
Name: "zh_CN"; MessagesFile: "{#AddBackslash(SourcePath)}ChineseSimplified.isl"
#elif FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(CompilerPath + "Languages\Unofficial\ChineseSimplified.isl")
Name: "zh_CN"; MessagesFile: "compiler:Languages\Unofficial\ChineseSimplified.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder build: xuncha-gui.exe, xuncha.exe (command line) and _internal\.
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle completely, so no module of an older version is left behind.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{#AppNameEn}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#StringChange(AppName, '&', '&&')}}"; Flags: nowait postinstall skipifsilent
