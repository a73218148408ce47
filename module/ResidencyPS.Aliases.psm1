# Exchange Online's Get-RetentionPolicy is a function, and PowerShell finds a function before a cmdlet
# whatever the import order. An alias is found before either, and this one names the cmdlet with its module,
# so Get-DataRetention always reaches ResidencyPS's cmdlet. (A binary module cannot declare such an alias.)
# Set through the Alias: drive, not Set-Alias: Set-Alias lives in Microsoft.PowerShell.Utility, and calling it
# here made every import load that module too, the largest part of the import's cost.
${Alias:Get-DataRetention} = 'ResidencyPS\Get-RetentionPolicy'
Export-ModuleMember -Alias Get-DataRetention
