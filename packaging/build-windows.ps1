# Builds the Window Clerk counter for Windows and checks the result (see build-windows.md).
#
#     powershell -ExecutionPolicy Bypass -File packaging\build-windows.ps1
#
# Run from a checkout, on Windows 10/11 x64, with Python 3.12 (python.org installer, "py"
# launcher). Creates .venv-build\, builds dist\window-clerk\, then checks the files, runs
# the embedded registry's catalogue check and starts the counter once (a real window, closed
# by --self-test), so a bundle that lacks a DLL, a plug-in or a data file fails here and not
# at a counter.
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

if (-not (Test-Path .venv-build\Scripts\python.exe)) {
    py -3.12 -m venv .venv-build
}
.venv-build\Scripts\python -m pip install --upgrade pip
.venv-build\Scripts\python -m pip install -e ".[build]"
.venv-build\Scripts\pyinstaller --noconfirm --clean packaging\window-clerk.spec
if ($LASTEXITCODE -ne 0) { throw "pyinstaller failed" }

$app = "dist\window-clerk"
$internal = "$app\_internal"
$expected = @(
    "$app\window-clerk.exe",
    "$internal\resources\fonts\wqy-microhei.ttc",
    "$internal\resources\i18n\window_clerk_zh_CN.qm",
    "$internal\resources\catalogue\demo.json",
    "$internal\resources\sounds\chime.wav",
    "$internal\PySide6\plugins\platforms\qwindows.dll",
    "$internal\PySide6\plugins\printsupport",
    "$internal\PySide6\plugins\multimedia",
    "$internal\PySide6\plugins\texttospeech",
    "$internal\tzdata\zoneinfo\Asia\Shanghai"
)
$missing = $expected | Where-Object { -not (Test-Path $_) }
if ($missing) { throw "missing from the build: $($missing -join ', ')" }

# The embedded registry is the same executable started with -m registry.
& "$app\window-clerk.exe" -m registry admin check-catalogue "$internal\resources\catalogue\demo.json" | Out-Null
if ($LASTEXITCODE -ne 0) { throw "the bundled registry cannot read the demo catalogue" }

# A full start on a fresh data folder: embedded registry, enrolment, first sync, the window.
$data = Join-Path $env:TEMP ("window-clerk-selftest-" + [guid]::NewGuid())
$run = Start-Process -FilePath "$app\window-clerk.exe" -ArgumentList @("--self-test", "--data-dir", $data) -Wait -PassThru
if ($run.ExitCode -ne 0) { throw "the self-test failed ($($run.ExitCode)); see $data\window-clerk.log" }
Write-Host "ok: $app is ready to zip and hand out"
