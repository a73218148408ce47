using System.Management.Automation;
using System.Reflection;
using ResidencyPS.Engine.Loading;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Commands;

/// <summary>Rules every cmdlet follows, checked for all of them at once so a new cmdlet cannot skip one.</summary>
public class ConventionTests : IClassFixture<PowerShellSession>
{
    private readonly PowerShellSession _ps;

    public ConventionTests(PowerShellSession ps) => _ps = ps;

    public static IReadOnlyList<Type> CmdletTypes { get; } = typeof(PolicyStore).Assembly.GetTypes()
        .Where(t => typeof(Cmdlet).IsAssignableFrom(t) && !t.IsAbstract).OrderBy(t => t.Name).ToList();

    public static IEnumerable<object[]> Cmdlets => CmdletTypes.Select(t => new object[] { t.Name });

    private static Type Cmdlet(string name) => CmdletTypes.Single(t => t.Name == name);

    [Fact]
    public void The_tests_exercise_the_DLL_of_the_built_module()
    {
        Assert.Equal(ModuleAssembly.ModuleDll, typeof(PolicyStore).Assembly.Location);
        Assert.Equal(ModuleAssembly.ModuleDll, _ps.RunClean("(Get-Command Get-DataResidency).DLL")[0].ToString());
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Cmdlet_is_a_sealed_PSCmdlet_named_after_its_verb_and_noun_in_a_file_of_that_name(string name)
    {
        var type = Cmdlet(name);
        var attribute = type.GetCustomAttribute<CmdletAttribute>()!;
        Assert.True(type.IsSealed && type.IsPublic && typeof(PSCmdlet).IsAssignableFrom(type));
        Assert.Equal(attribute.VerbName + attribute.NounName + "Command", type.Name);
        Assert.True(File.Exists(Path.Combine(TestPaths.RepoRoot, "src", "ResidencyPS", "Commands", type.Name + ".cs")), type.Name + ".cs");
        Assert.Contains(attribute.VerbName, _ps.RunClean("Get-Verb | ForEach-Object Verb").Select(v => v.ToString()));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Cmdlet_declares_its_output_type_for_every_parameter_set(string name)
    {
        var type = Cmdlet(name);
        var outputs = type.GetCustomAttributes<OutputTypeAttribute>().ToList();
        Assert.NotEmpty(outputs);
        var attribute = type.GetCustomAttribute<CmdletAttribute>()!;
        var command = $"{attribute.VerbName}-{attribute.NounName}";
        var sets = _ps.RunClean($"(Get-Command {command}).ParameterSets.Name").Select(s => s.ToString()).ToList();
        foreach (var set in sets)
        {
            Assert.Contains(outputs, o => o.ParameterSetName.Contains("__AllParameterSets") || o.ParameterSetName.Contains(set));
        }
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Name_parameters_that_support_wildcards_say_so(string name)
    {
        foreach (var property in Cmdlet(name).GetProperties().Where(p => p.GetCustomAttributes<ParameterAttribute>().Any()))
        {
            if (property.PropertyType == typeof(string[]) && property.Name is not ("Search" or "Country" or "LiteralPath"))
            {
                Assert.True(property.GetCustomAttribute<SupportsWildcardsAttribute>() != null, $"{name}.{property.Name}");
            }
        }
    }

    private static readonly string[] NameParameters = { "Product", "DataCategory", "ExcludeDataCategory", "Region", "HostingRegion", "Code", "Subject", "Country", "Section", "Id" };

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Name_parameters_have_a_completer(string name)
    {
        foreach (var property in Cmdlet(name).GetProperties().Where(p => NameParameters.Contains(p.Name) && p.GetCustomAttribute<ParameterAttribute>() != null))
        {
            Assert.True(property.GetCustomAttribute<ArgumentCompleterAttribute>() != null, $"{name}.{property.Name} has no completer");
        }
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Every_output_type_has_a_table_view_and_a_list_view(string name)
    {
        foreach (var output in Cmdlet(name).GetCustomAttributes<OutputTypeAttribute>().SelectMany(o => o.Type).Select(t => t.Type!).Where(t => t != typeof(bool)))
        {
            var views = _ps.RunClean($"(Get-FormatData -TypeName '{output.FullName}').FormatViewDefinition.Control | ForEach-Object {{ $_.GetType().Name }}")
                .Select(v => v.ToString()).ToList();
            Assert.Contains("TableControl", views);
            Assert.Contains("ListControl", views);
        }
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Cmdlets_that_answer_from_a_policy_share_the_base_class_that_owns_Policy(string name)
    {
        var type = Cmdlet(name);
        var policy = type.GetProperty("Policy");
        if (policy == null || type.Name == "ExportResidencyPolicyCommand")
        {
            return; // Export-ResidencyPolicy takes the policy to write from the pipeline, in its own parameter sets
        }

        Assert.True(typeof(ResidencyPS.Commands.ResidencyCmdlet).IsAssignableFrom(type), name + " declares -Policy but does not derive from ResidencyCmdlet");
        Assert.Equal(typeof(ResidencyPS.Commands.ResidencyCmdlet), policy.DeclaringType);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Cmdlets_with_a_Path_take_it_with_wildcards_and_a_LiteralPath_aliased_PSPath_in_another_set(string name)
    {
        var type = Cmdlet(name);
        var path = type.GetProperty("Path");
        if (path == null)
        {
            return;
        }

        var literal = type.GetProperty("LiteralPath");
        Assert.True(literal != null, name + " has -Path but no -LiteralPath");
        Assert.NotNull(path.GetCustomAttribute<SupportsWildcardsAttribute>());
        Assert.Null(literal!.GetCustomAttribute<SupportsWildcardsAttribute>());
        Assert.Contains("PSPath", literal.GetCustomAttribute<AliasAttribute>()!.AliasNames);
        var pathSets = path.GetCustomAttributes<ParameterAttribute>().Select(a => a.ParameterSetName).ToHashSet();
        var literalSets = literal.GetCustomAttributes<ParameterAttribute>().Select(a => a.ParameterSetName).ToHashSet();
        Assert.Empty(pathSets.Intersect(literalSets));
        Assert.DoesNotContain("__AllParameterSets", pathSets.Concat(literalSets));
    }

    [Fact]
    public void Error_ids_are_PascalCase_words_named_after_their_value()
    {
        var fields = typeof(PolicyStore).Assembly.GetType("ResidencyPS.Binding.ErrorIds")!.GetFields(BindingFlags.Public | BindingFlags.Static);
        Assert.NotEmpty(fields);
        foreach (var field in fields)
        {
            var value = (string)field.GetValue(null)!;
            Assert.Equal(field.Name, value);
            Assert.Matches("^[A-Z][A-Za-z]+$", value);
        }
    }

    [Fact]
    public void Export_ResidencyPolicy_refuses_Embedded_together_with_Policy()
    {
        var result = _ps.Run("Export-ResidencyPolicy -Path (Join-Path ([IO.Path]::GetTempPath()) 'never-written.json') -Embedded -Policy (Get-ResidencyPolicy)");
        Assert.Equal("AmbiguousParameterSet,ResidencyPS.Commands.ExportResidencyPolicyCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
    }

    [Theory]
    [InlineData("Engine", "System.Management.Automation")]
    [InlineData("Reports", "System.Management.Automation")]
    [InlineData("IO", "System.Management.Automation")]
    [InlineData("Engine", "ResidencyPS.Commands")]
    [InlineData("Engine", "ResidencyPS.Binding")]
    [InlineData("Completion", "ResidencyPS.Commands")]
    [InlineData("Binding", "ResidencyPS.Commands")]
    public void Layers_depend_downwards_only(string folder, string forbidden)
    {
        var files = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "src", "ResidencyPS", folder), "*.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            Assert.False(File.ReadAllText(file).Contains(forbidden, StringComparison.Ordinal), Path.GetRelativePath(TestPaths.RepoRoot, file) + " uses " + forbidden);
        }
    }

    [Fact]
    public void Source_folders_are_namespaces()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "src", "ResidencyPS"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            var folder = Path.GetDirectoryName(Path.GetRelativePath(Path.Combine(TestPaths.RepoRoot, "src", "ResidencyPS"), file))!;
            if (folder == "Polyfills")
            {
                continue; // compiler support types live in the namespaces the compiler looks in
            }

            var expected = folder is "Model" ? "ResidencyPS" : "ResidencyPS." + folder.Replace(Path.DirectorySeparatorChar, '.');
            Assert.Contains("namespace " + expected + ";", File.ReadAllText(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_cmdlet_has_a_Pester_spec_of_its_own_and_every_spec_names_a_cmdlet_or_the_module()
    {
        var commands = CmdletTypes.Select(t => t.GetCustomAttribute<CmdletAttribute>()!).Select(a => $"{a.VerbName}-{a.NounName}").ToHashSet();
        var specs = Directory.GetFiles(TestPaths.PesterSpecs, "*.Tests.ps1").Select(f => Path.GetFileName(f)[..^".Tests.ps1".Length]).ToHashSet();
        Assert.Empty(commands.Except(specs));
        Assert.Empty(specs.Except(commands).Except(new[] { "ResidencyPS" }));
    }

    [Fact]
    public void Test_folders_mirror_the_source_folders()
    {
        var tests = Path.Combine(TestPaths.RepoRoot, "tests", "ResidencyPS.Tests");
        var source = Path.Combine(TestPaths.RepoRoot, "src", "ResidencyPS");
        var owners = new[] { "Build", "Docs", "Infrastructure", "Packaging", "Tools", Path.Combine("Tools", "Help") };
        foreach (var folder in Directory.GetFiles(tests, "*.cs", SearchOption.AllDirectories)
                     .Select(f => Path.GetDirectoryName(Path.GetRelativePath(tests, f))!)
                     .Where(d => d.Length > 0 && !d.StartsWith("bin", StringComparison.Ordinal) && !d.StartsWith("obj", StringComparison.Ordinal))
                     .Distinct())
        {
            Assert.True(Directory.Exists(Path.Combine(source, folder)) || owners.Contains(folder),
                $"tests/ResidencyPS.Tests/{folder} has no src/ResidencyPS/{folder} to mirror");
        }
    }

    [Fact]
    public void No_message_or_help_points_to_a_repository_path_an_installed_module_lacks()
    {
        var shipped = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "src", "ResidencyPS"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(TestPaths.HelpSources, "*.md"))
            .Concat(Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "module")))
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        foreach (var file in shipped)
        {
            Assert.DoesNotMatch(@"docs/[\w.-]+\.(md|json)", File.ReadAllText(file));
        }
    }

    [Fact]
    public void Manifest_exports_exactly_the_cmdlets_of_the_assembly_and_passes_Test_ModuleManifest()
    {
        var manifest = _ps.RunClean("Test-ModuleManifest -Path $ModuleManifest")[0];
        var exported = ((System.Collections.IDictionary)manifest.Properties["ExportedCmdlets"].Value).Keys.Cast<string>().OrderBy(n => n);
        var inAssembly = CmdletTypes.Select(t => t.GetCustomAttribute<CmdletAttribute>()!).Select(a => $"{a.VerbName}-{a.NounName}").OrderBy(n => n);
        Assert.Equal(inAssembly, exported);
        Assert.Equal(new[] { "Desktop", "Core" }, ((IEnumerable<string>)manifest.Properties["CompatiblePSEditions"].Value));
        Assert.Equal(new Version(5, 1), (Version)manifest.Properties["PowerShellVersion"].Value);
        var text = File.ReadAllText(TestPaths.ModuleManifest);
        Assert.DoesNotContain("*", string.Join("", text.Split('\n').Where(l => l.Contains("ToExport"))));
    }

    [Fact]
    public void Version_lives_in_Directory_Build_props_and_reaches_manifest_and_assembly()
    {
        var props = System.Xml.Linq.XDocument.Load(Path.Combine(TestPaths.RepoRoot, "Directory.Build.props"));
        var version = new Version(props.Descendants("Version").Single().Value);
        Assert.Equal(version, (Version)_ps.RunClean("(Get-Module ResidencyPS).Version")[0].BaseObject);
        Assert.Equal(version, new Version(typeof(PolicyStore).Assembly.GetName().Version!.ToString(3)));
    }

    [Fact]
    public void Module_folder_ships_Newtonsoft_13_and_never_the_reference_System_Management_Automation()
    {
        var folder = Path.GetDirectoryName(TestPaths.ModuleManifest)!;
        Assert.False(File.Exists(Path.Combine(folder, "System.Management.Automation.dll")));
        var json = AssemblyName.GetAssemblyName(Path.Combine(folder, "Newtonsoft.Json.dll"));
        Assert.Equal(new Version(13, 0, 0, 0), json.Version);
    }
}
