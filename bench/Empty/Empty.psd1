@{ ModuleVersion = '1.0'; GUID = '0d6c3a52-8f8e-4c33-9d7e-5f1b7d8a2c11'; FunctionsToExport = @(); CmdletsToExport = @(); AliasesToExport = @(); VariablesToExport = @() }
