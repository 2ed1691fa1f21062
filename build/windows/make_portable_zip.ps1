<#
.SYNOPSIS
Zips the one-folder HubDesk build as a portable app (no installer, no registry entries).

.DESCRIPTION
    powershell -ExecutionPolicy Bypass -File build\windows\make_portable_zip.ps1

build.ps1 calls it after the PyInstaller build. The zip holds one folder, HubDesk-<version>\,
with the app, a `portable` marker file that says how portable mode works, and
"HubDesk (portable).cmd", which starts the app with its database in the data\ folder beside
it. HubDesk itself does not look for the marker: the database lives wherever --db points
(HUBDESK_DATABASE_URL otherwise, else the user's data folder); window layout and logs stay in
the user profile.

.PARAMETER AppDir
The one-folder app (default: build\pyinstaller\dist\hubdesk).

.PARAMETER Version
The version for the file name (default: what hubdesk.exe --version reports).

.PARAMETER OutDir
Where the zip goes (default: dist\).
#>
[CmdletBinding()]
param(
    [string]$AppDir = '',
    [string]$Version = '',
    [string]$OutDir = ''
)

$ErrorActionPreference = 'Stop'
$Root = (Resolve-Path (Join-Path $PSScriptRoot '..\..')).Path
if (-not $AppDir) { $AppDir = Join-Path $Root 'build\pyinstaller\dist\hubdesk' }
if (-not $OutDir) { $OutDir = Join-Path $Root 'dist' }
$exe = Join-Path $AppDir 'hubdesk.exe'
if (-not (Test-Path $exe)) { throw "make_portable_zip: no $exe; build the app first" }
if (-not $Version) {
    $reported = (& $exe --version | Out-String).Trim()   # "HubDesk 1.2.3"
    if ($LASTEXITCODE -ne 0) { throw "make_portable_zip: $exe --version failed" }
    $Version = ($reported -split ' ')[-1]
}

$name = "HubDesk-$Version"
$stage = Join-Path ([System.IO.Path]::GetTempPath()) ("hubdesk-portable-" + [guid]::NewGuid())
$folder = Join-Path $stage $name
New-Item -ItemType Directory -Force -Path $folder | Out-Null
try {
    Copy-Item -Path (Join-Path $AppDir '*') -Destination $folder -Recurse

    $marker = @(
        "HubDesk $Version, portable build.",
        '',
        'Start it with "HubDesk (portable).cmd": the contacts database is then data\contacts.db',
        'in this folder, so the whole folder can be moved or kept on a USB drive.',
        'hubdeskw.exe on its own opens the database in your user data folder, like an installed',
        'HubDesk; hubdesk.exe is the command line (hubdesk.exe --help), and --db PATH names any',
        'other file. Window layout and logs are kept in',
        'your user profile either way. Nothing is written to the registry.'
    )
    Set-Content -Path (Join-Path $folder 'portable') -Value $marker -Encoding ASCII

    $launcher = @(
        '@echo off',
        'rem Portable HubDesk: the database lives in the data folder next to this file.',
        'if not exist "%~dp0data" mkdir "%~dp0data"',
        'start "" "%~dp0hubdeskw.exe" --db "%~dp0data\contacts.db" %*'
    )
    Set-Content -Path (Join-Path $folder 'HubDesk (portable).cmd') -Value $launcher -Encoding ASCII

    New-Item -ItemType Directory -Force -Path $OutDir | Out-Null
    $zip = Join-Path $OutDir "hubdesk-$Version-windows-x64-portable.zip"
    if (Test-Path $zip) { Remove-Item $zip }
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    [System.IO.Compression.ZipFile]::CreateFromDirectory(
        $folder, $zip, [System.IO.Compression.CompressionLevel]::Optimal, $true)
    $mb = (Get-Item $zip).Length / 1MB
    Write-Host ("make_portable_zip: wrote {0} ({1:N0} MB)" -f $zip, $mb)
}
finally {
    Remove-Item -Recurse -Force $stage
}
