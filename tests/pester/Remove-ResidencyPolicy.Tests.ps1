BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

Describe 'Remove-ResidencyPolicy' {
    BeforeEach {
        $acme = New-FictionalPolicyFile 'acme' 'Acme Widgets (fictional)' @{ Widgetry = @{ 'Widget data' = @('EEA') } }
        $globex = New-FictionalPolicyFile 'globex' 'Globex (fictional)' @{ Gizmo = @{ 'Gizmo data' = @('US') } }
        Import-ResidencyPolicy $acme, $globex
    }
    AfterEach { Import-ResidencyPolicy -Default }

    It 'removes the policies of the vendors named, by name or wildcard, and keeps the others in their order' {
        Remove-ResidencyPolicy -Vendor 'acme widgets (FICTIONAL)'
        (Get-ResidencyPolicy).Vendor | Should -Be @('Freshworks', 'Globex (fictional)')
        Remove-ResidencyPolicy Fresh* -PassThru | ForEach-Object Vendor | Should -Be 'Freshworks'
        (Get-ResidencyPolicy).Vendor | Should -Be 'Globex (fictional)'
        # The removed vendor's names are no longer answered.
        $err = $null
        Get-DataResidency -Product Freshdesk -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'ProductNotFound,ResidencyPS.Commands.GetDataResidencyCommand'
    }

    It 'takes policies piped from Get-ResidencyPolicy' {
        Get-ResidencyPolicy -Vendor *fictional* | Remove-ResidencyPolicy
        (Get-ResidencyPolicy).Vendor | Should -Be 'Freshworks'
    }

    It 'refuses to remove every policy, and nothing changes' {
        $err = $null
        Remove-ResidencyPolicy -Vendor * -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'LastActivePolicy,ResidencyPS.Commands.RemoveResidencyPolicyCommand'
        $err[0].Exception.Message | Should -Match 'would leave no active policy; nothing was removed'
        (Get-ResidencyPolicy).Count | Should -Be 3
    }

    It 'names a vendor with no active policy in a VendorNotFound error; a wildcard that matches none is silent' {
        $err = $null
        Remove-ResidencyPolicy -Vendor 'Initech', 'Nope*' -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'VendorNotFound,ResidencyPS.Commands.RemoveResidencyPolicyCommand'
        $err[0].TargetObject | Should -Be 'Initech'
        $err[0].Exception.Message | Should -Match 'Active: Freshworks, Acme Widgets \(fictional\), Globex \(fictional\)'
        (Get-ResidencyPolicy).Count | Should -Be 3
    }

    It 'changes nothing under -WhatIf' {
        Remove-ResidencyPolicy -Vendor Globex* -WhatIf
        (Get-ResidencyPolicy).Count | Should -Be 3
    }

    It 'completes -Vendor from the active policies' {
        (Get-Completion 'Remove-ResidencyPolicy -Vendor Glo').CompletionText | Should -Be "'Globex (fictional)'"
    }
}
