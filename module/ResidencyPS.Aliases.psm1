# Exchange Online's Get-RetentionPolicy is a function, and PowerShell finds a function before a cmdlet
# whatever the import order. An alias is found before either, and this one names the cmdlet with its module,
# so Get-DataRetention always reaches ResidencyPS's cmdlet. (A binary module cannot declare such an alias.)
Set-Alias -Name Get-DataRetention -Value ResidencyPS\Get-RetentionPolicy
Export-ModuleMember -Alias Get-DataRetention
