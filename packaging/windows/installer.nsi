; NSIS installer for PosEnc Explorer: per-user install (no administrator rights), Start-menu and desktop
; shortcuts, .posdeck association, licence page, uninstaller registered in "Apps & features", and the real models
; (MiniLM, SmolLM2) as a component that is chosen by default (a silent install /S takes them too).
;
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DVERSION_QUAD=0.1.0.0 -DSOURCE_DIR=dist\posenc-gui
;            -DMODELS_DIR=build\models -DOUTFILE=dist\setup.exe installer.nsi
;
; The script is UTF-8 without a byte-order mark (its Chinese texts): hence -INPUTCHARSET UTF8.
;
; packaging/build.py passes these; SOURCE_DIR is the PyInstaller one-dir (posenc-gui.exe, posenc-gui-cli.exe, _internal),
; MODELS_DIR the checked model files (one folder per model with its NOTICE.txt). They go to $INSTDIR\models, beside
; the executable, where the frozen app looks for them (posenc_gui.core.real_models.base.frozen_app_models_dir).

Unicode true
!include "MUI2.nsh"

!ifndef VERSION
  !error "pass -DVERSION=x.y.z"
!endif
!ifndef VERSION_QUAD
  !define VERSION_QUAD "0.0.0.0"
!endif
!ifndef SOURCE_DIR
  !error "pass -DSOURCE_DIR=<the PyInstaller one-dir>"
!endif
!ifndef MODELS_DIR
  !error "pass -DMODELS_DIR=<the real models' folder>"
!endif
!ifndef OUTFILE
  !define OUTFILE "posenc-gui-${VERSION}-setup.exe"
!endif

!define APP_NAME "PosEnc Explorer"
!define APP_EXE "posenc-gui.exe"
!define PUBLISHER "PosEnc Explorer developers"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\PosEncExplorer"
!define DECK_CLASS "PosEncExplorer.Deck"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
SetCompressor /SOLID lzma

VIProductVersion "${VERSION_QUAD}"
VIAddVersionKey /LANG=1033 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APP_NAME} installer"
VIAddVersionKey /LANG=1033 "LegalCopyright" "MIT licence; bundled components under their own licences"

!define MUI_ICON "..\..\resources\icons\posenc-gui.ico"
!define MUI_UNICON "..\..\resources\icons\posenc-gui.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "..\..\resources\licenses\THIRD-PARTY-NOTICES.txt"
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "SimpChinese"

LangString NAME_APP ${LANG_ENGLISH} "${APP_NAME}"
LangString NAME_APP ${LANG_SIMPCHINESE} "${APP_NAME}"
LangString NAME_MODELS ${LANG_ENGLISH} "Real models (MiniLM, SmolLM2)"
LangString NAME_MODELS ${LANG_SIMPCHINESE} "真实模型 (MiniLM, SmolLM2)"
LangString DESC_APP ${LANG_ENGLISH} "The app, its shortcuts and the .posdeck association."
LangString DESC_APP ${LANG_SIMPCHINESE} "应用程序、快捷方式和 .posdeck 文件关联。"
LangString DESC_MODELS ${LANG_ENGLISH} "Two trained Transformers (Apache-2.0) whose real attention the app shows with their positions switched off, shuffled, shifted and rescaled; they work offline."
LangString DESC_MODELS ${LANG_SIMPCHINESE} "两个训练好的 Transformer (Apache-2.0)，应用程序显示它们在位置被关闭、打乱、平移和缩放时的真实注意力；无需联网。"

Section "!$(NAME_APP)" SEC_APP
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File /r "${SOURCE_DIR}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}"
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}"

  ; Lecture decks (*.posdeck) open in the app.
  WriteRegStr HKCU "Software\Classes\.posdeck" "" "${DECK_CLASS}"
  WriteRegStr HKCU "Software\Classes\${DECK_CLASS}" "" "${APP_NAME} lecture deck"
  WriteRegStr HKCU "Software\Classes\${DECK_CLASS}\DefaultIcon" "" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "Software\Classes\${DECK_CLASS}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "$(NAME_MODELS)" SEC_MODELS
  SetOutPath "$INSTDIR\models"
  File /r "${MODELS_DIR}\*.*"
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SEC_APP} $(DESC_APP)
  !insertmacro MUI_DESCRIPTION_TEXT ${SEC_MODELS} $(DESC_MODELS)
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"

  ; Remove the association only if it still points at this app.
  ReadRegStr $0 HKCU "Software\Classes\.posdeck" ""
  StrCmp $0 "${DECK_CLASS}" 0 +2
    DeleteRegKey HKCU "Software\Classes\.posdeck"
  DeleteRegKey HKCU "Software\Classes\${DECK_CLASS}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; Only what the installer put there, so a folder chosen by mistake keeps the user's files.
  RMDir /r "$INSTDIR\_internal"
  RMDir /r "$INSTDIR\models\all-MiniLM-L6-v2"
  RMDir /r "$INSTDIR\models\SmolLM2-135M-Instruct"
  RMDir "$INSTDIR\models"
  Delete "$INSTDIR\posenc-gui.exe"
  Delete "$INSTDIR\posenc-gui-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
