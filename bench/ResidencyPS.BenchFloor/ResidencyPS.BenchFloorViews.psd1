# The floor DLL with one view and one types entry: what PowerShell itself costs any module that ships views and
# types data (issue 26), whatever their size, against which ResidencyPS's format and types files are read.
@{ RootModule = 'ResidencyPS.BenchFloor.dll'; ModuleVersion = '1.0'; GUID = '0c6f5d1e-7a0b-4f54-9a55-3f1f5e2a7b10'; FormatsToProcess = @('ResidencyPS.BenchFloor.Format.ps1xml'); TypesToProcess = @('ResidencyPS.BenchFloor.Types.ps1xml'); CmdletsToExport = @('Test-EeaBoundaryFloor'); FunctionsToExport = @(); AliasesToExport = @(); VariablesToExport = @() }
