<#
.SYNOPSIS
Builds HubDesk for Windows: the one-folder app, the installer and the portable zip.

.DESCRIPTION
Needs Windows 10/11 x64, Python 3.11+ (python or py on PATH) and Inno Setup 6.3+ (ISCC.exe).
From the repository, in PowerShell 5.1 or 7:

    powershell -ExecutionPolicy Bypass -File build\windows\build.ps1

Steps: .venv with HubDesk and PyInstaller (run.py), build\make_icons.py, PyInstaller with
hubdesk.spec, a --version check of the built exe, ISCC with the version from the package
metadata, then build\windows\make_portable_zip.ps1. Everything lands in dist\:
    hubdesk-<version>-windows-x64-setup.exe
    hubdesk-<version>-windows-x64-portable.zip

.PARAMETER SkipInstaller
Do not run Inno Setup (no ISCC needed).

.PARAMETER SkipZip
Do not make the portable zip.

.PARAMETER Iscc
Path of ISCC.exe when it is neither on PATH nor in the usual install folders.

.PARAMETER SignCommand
Optional code signing, as an Inno Setup sign tool command with $f for the file, e.g.
    'signtool.exe sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /a $f'
It signs hubdesk.exe and hubdeskw.exe before packaging, and Inno Setup signs the setup and the uninstaller.
#>
[CmdletBinding()]
param(
    [switch]$SkipInstaller,
    [switch]$SkipZip,
    [string]$Iscc = '',
    [string]$SignCommand = ''
)

$ErrorActionPreference = 'Stop'
$Root = (Resolve-Path (Join-Path $PSScriptRoot '..\..')).Path
Set-Location $Root

function Invoke-Native {
    # Runs a program and stops the build when it fails (native programs do not throw).
    param([string]$What, [string]$Program, [string[]]$Arguments)
    Write-Host "build.ps1: $What"
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) { throw "build.ps1: $What failed (exit $LASTEXITCODE)" }
}

# 1. The venv: run.py creates .venv and installs HubDesk with the test and build extras
#    (PyInstaller), and reinstalls only when pyproject.toml changed.
$launcher = Get-Command python -ErrorAction SilentlyContinue
$launcherArgs = @()
if (-not $launcher) {
    $launcher = Get-Command py -ErrorAction SilentlyContinue
    $launcherArgs = @('-3')
}
if (-not $launcher) { throw 'build.ps1: no python or py on PATH; install Python 3.11+' }
Invoke-Native 'preparing .venv (run.py --version)' $launcher.Source ($launcherArgs + @('run.py', '--version'))
$py = Join-Path $Root '.venv\Scripts\python.exe'

# The version, from the installed package's metadata: the full one for names and AppVersion,
# four integers for the file properties.
# (Single quotes only inside: Windows PowerShell 5.1 drops double quotes from native arguments.)
$versionScript = "import importlib.metadata as m; from packaging.version import Version; " +
    "v = m.version('hubdesk'); r = (*Version(v).release, 0, 0, 0)[:4]; " +
    "print(v); print('.'.join(map(str, r)))"
$versions = @(& $py -c $versionScript)
if ($LASTEXITCODE -ne 0 -or $versions.Count -ne 2) { throw 'build.ps1: could not read the version' }
$version = $versions[0].Trim()
$numericVersion = $versions[1].Trim()
Write-Host "build.ps1: HubDesk $version"

# 2. Icons, 3. the one-folder app.
Invoke-Native 'icons (build\make_icons.py)' $py @('build\make_icons.py')
Invoke-Native 'PyInstaller' $py @('-m', 'PyInstaller', '--noconfirm',
    '--distpath', 'build\pyinstaller\dist', '--workpath', 'build\pyinstaller\work', 'hubdesk.spec')
$appDir = Join-Path $Root 'build\pyinstaller\dist\hubdesk'
$exe = Join-Path $appDir 'hubdesk.exe'
$reported = (& $exe --version | Out-String).Trim()
if ($reported -ne "HubDesk $version") { throw "build.ps1: $exe --version said '$reported'" }
$size = (Get-ChildItem $appDir -Recurse -File | Measure-Object -Property Length -Sum).Sum
Write-Host ("build.ps1: one-folder app {0:N0} MB ({1})" -f ($size / 1MB), $appDir)

$windowed = Join-Path $appDir 'hubdeskw.exe'
if (-not (Test-Path $windowed)) { throw "build.ps1: the windowed launcher $windowed was not built" }

if ($SignCommand) {
    # Through a .cmd file, so the quotes around the path reach the sign tool intact.
    $signScript = Join-Path ([System.IO.Path]::GetTempPath()) 'hubdesk-sign.cmd'
    foreach ($target in @($exe, $windowed)) {
        Set-Content -Path $signScript -Encoding ASCII -Value ('@' + $SignCommand.Replace('$f', '"' + $target + '"'))
        Invoke-Native "signing $target" 'cmd.exe' @('/c', $signScript)
    }
    Remove-Item $signScript
}

New-Item -ItemType Directory -Force -Path (Join-Path $Root 'dist') | Out-Null

# 4. The installer.
if (-not $SkipInstaller) {
    if (-not $Iscc) {
        $found = Get-Command iscc -ErrorAction SilentlyContinue
        if ($found) { $Iscc = $found.Source }
    }
    if (-not $Iscc) {
        $candidates = @(
            (Join-Path ${env:ProgramFiles(x86)} 'Inno Setup 6\ISCC.exe'),
            (Join-Path $env:ProgramFiles 'Inno Setup 6\ISCC.exe'),
            (Join-Path $env:LOCALAPPDATA 'Programs\Inno Setup 6\ISCC.exe')
        )
        $Iscc = $candidates | Where-Object { Test-Path $_ } | Select-Object -First 1
    }
    if (-not $Iscc) { throw 'build.ps1: ISCC.exe not found; install Inno Setup 6.3+ or pass -Iscc' }
    $isccArgs = @("/DAppVersion=$version", "/DAppNumericVersion=$numericVersion")
    if ($SignCommand) { $isccArgs += @("/Shubdesksign=$SignCommand", '/DSignTool=hubdesksign') }
    $isccArgs += (Join-Path $PSScriptRoot 'hubdesk.iss')
    Invoke-Native 'installer (Inno Setup)' $Iscc $isccArgs
}

# 5. The portable zip.
if (-not $SkipZip) {
    & (Join-Path $PSScriptRoot 'make_portable_zip.ps1') -AppDir $appDir -Version $version
}

Write-Host 'build.ps1: done; see dist\'
