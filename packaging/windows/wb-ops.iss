; Inno Setup script for the two WB Ops apps on Windows (PVZ counter PCs, Windows terminals).
;
; Build on Windows after `python packaging\build.py --only apps` (it fills dist\wb-ops):
;   iscc /DAppVersion=0.1.0 packaging\windows\wb-ops.iss
; The version must be pyproject.toml's; packaging\build.py prints it. The result is
; dist\wb-ops-<version>-setup.exe. Silent mass install (with a roll-out file for every PC):
;   wb-ops-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /ROLLOUT=\\server\share\rollout.toml
; See docs\ADMIN.md.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "WB Ops"
#define Publisher "WB Ops team"
#define SourceDir "..\..\dist\wb-ops"
#define IconDir "..\icons"

[Setup]
; never change the AppId: updates find the installed version by it
AppId={{6E0B7D0C-3C59-4E1F-9C7A-2B9D4F1E8A51}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#Publisher}
DefaultDirName={autopf}\WB Ops
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=wb-ops-{#AppVersion}-setup
SetupIconFile={#IconDir}\pvz-app.ico
UninstallDisplayIcon={app}\pvz-app.exe
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
WizardStyle=modern
; an update closes running apps first (the local journal is safe: every op is committed)
CloseApplications=yes
; WB_OPS_CONFIG (below) reaches running programs without a log-off
ChangesEnvironment=yes
RestartApplications=no
MinVersion=10.0

[Languages]
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Types]
Name: "pvz"; Description: "{cm:TypePvz}"
Name: "terminal"; Description: "{cm:TypeTerminal}"
Name: "full"; Description: "{cm:TypeFull}"
Name: "custom"; Description: "{cm:TypeCustom}"; Flags: iscustom

[Components]
Name: "core"; Description: "{cm:CompCore}"; Types: pvz terminal full custom; Flags: fixed
Name: "pvz"; Description: "{cm:CompPvz}"; Types: pvz full
Name: "terminal"; Description: "{cm:CompTerminal}"; Types: terminal full

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "autostart"; Description: "{cm:AutoStart}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; the shared runtime (Python, Qt, assets) and both executables come from one PyInstaller folder
Source: "{#SourceDir}\_internal\*"; DestDir: "{app}\_internal"; Components: core; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#SourceDir}\pvz-app.exe"; DestDir: "{app}"; Components: pvz; Flags: ignoreversion
Source: "{#SourceDir}\scanner-app.exe"; DestDir: "{app}"; Components: terminal; Flags: ignoreversion
Source: "..\..\docs\ADMIN.md"; DestDir: "{app}"; Components: core; Flags: ignoreversion
Source: "..\linux\rollout.example.toml"; DestDir: "{app}"; Components: core; Flags: ignoreversion

[Icons]
Name: "{group}\{cm:NamePvz}"; Filename: "{app}\pvz-app.exe"; Components: pvz
Name: "{group}\{cm:NameTerminal}"; Filename: "{app}\scanner-app.exe"; Components: terminal
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{cm:NamePvz}"; Filename: "{app}\pvz-app.exe"; Components: pvz; Tasks: desktopicon
Name: "{autodesktop}\{cm:NameTerminal}"; Filename: "{app}\scanner-app.exe"; Components: terminal; Tasks: desktopicon
Name: "{autostartup}\{cm:NamePvz}"; Filename: "{app}\pvz-app.exe"; Components: pvz; Tasks: autostart
Name: "{autostartup}\{cm:NameTerminal}"; Filename: "{app}\scanner-app.exe"; Components: terminal; Tasks: autostart

[Registry]
; a roll-out file given with /ROLLOUT=<path> becomes WB_OPS_CONFIG for every user of this PC
; (machine-wide, so only in an administrative install; a per-user install sets it for that user)
Root: HKCU; Subkey: "Environment"; ValueType: string; ValueName: "WB_OPS_CONFIG"; ValueData: "{code:RolloutPath}"; Check: HasRollout and not IsAdminInstallMode; Flags: uninsdeletevalue
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; ValueType: string; ValueName: "WB_OPS_CONFIG"; ValueData: "{code:RolloutPath}"; Check: HasRollout and IsAdminInstallMode; Flags: uninsdeletevalue

[Run]
Filename: "{app}\pvz-app.exe"; Description: "{cm:LaunchPvz}"; Components: pvz; Flags: nowait postinstall skipifsilent
Filename: "{app}\scanner-app.exe"; Description: "{cm:LaunchTerminal}"; Components: terminal; Flags: nowait postinstall skipifsilent unchecked

[InstallDelete]
; an update first removes the previous version's runtime, so no stale module or Qt plugin of an
; older release is loaded next to the new ones (the local journal and config live elsewhere: see
; [UninstallDelete] below; they are never touched)
Type: filesandordirs; Name: "{app}\_internal"
Type: files; Name: "{app}\pvz-app.exe"
Type: files; Name: "{app}\scanner-app.exe"

[UninstallDelete]
; the local journal and config in %LOCALAPPDATA%\wb-ops and %APPDATA%\wb-ops are kept on purpose:
; operations not yet synced live there
Type: filesandordirs; Name: "{app}\_internal"

[CustomMessages]
ru.TypePvz=Пункт выдачи (ПВЗ)
en.TypePvz=Pickup point (PVZ)
ru.TypeTerminal=Терминал склада
en.TypeTerminal=Warehouse terminal
ru.TypeFull=Оба приложения
en.TypeFull=Both apps
ru.TypeCustom=Выборочная установка
en.TypeCustom=Custom
ru.CompCore=Общие файлы
en.CompCore=Shared files
ru.CompPvz=Приложение ПВЗ
en.CompPvz=Pickup point app
ru.CompTerminal=Приложение ТСД склада
en.CompTerminal=Warehouse terminal app
ru.NamePvz=WB Ops ПВЗ
en.NamePvz=WB Ops pickup point
ru.NameTerminal=WB Ops ТСД склада
en.NameTerminal=WB Ops warehouse terminal
ru.AutoStart=Запускать при входе в Windows
en.AutoStart=Start when Windows starts
ru.LaunchPvz=Запустить WB Ops ПВЗ
en.LaunchPvz=Start WB Ops pickup point
ru.LaunchTerminal=Запустить WB Ops ТСД
en.LaunchTerminal=Start WB Ops warehouse terminal

[Code]
function RolloutPath(Param: String): String;
begin
  Result := ExpandConstant('{param:ROLLOUT|}');
end;

function HasRollout: Boolean;
begin
  Result := RolloutPath('') <> '';
end;
