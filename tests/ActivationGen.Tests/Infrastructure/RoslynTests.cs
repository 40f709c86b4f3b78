using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ActivationGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace ActivationGen.Tests.Infrastructure;

/// <summary>
/// The Roslyn test framework (Microsoft.CodeAnalysis.Testing) set up for ActivationGen: net10.0 references (from
/// Basic.Reference.Assemblies, nothing downloaded), the latest C#, nullable enabled, and the generator running on every
/// test project as in a real build. Expected diagnostics are written as markup in the source; every diagnostic the
/// compiler, the generator or the analyzer reports must be expected, so an error inside a generated file, a CS8795 or
/// a second report of one mistake fails the test.
/// </summary>
public static class RoslynTests
{
    /// <summary>The global analyzer config of a design-time build (the IDE, dotnet format): the analyzer reports, not the generator.</summary>
    public const string DesignTimeConfig = "is_global = true\nbuild_property.DesignTimeBuild = true\n";

    private static readonly IReadOnlyDictionary<string, DiagnosticDescriptor> Descriptors =
        new ActivationAnalyzer().SupportedDiagnostics.ToDictionary(d => d.Id);

    /// <summary>An expected ActivationGen diagnostic, its message checked in full through <see cref="DiagnosticResult.WithArguments"/>.</summary>
    public static DiagnosticResult Diagnostic(string id) => new(Descriptors[id]);

    /// <summary>Applies the common settings to a project of a test of the framework (its main project or another).</summary>
    public static void Configure(ProjectState state, bool designTime)
    {
        state.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        state.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        if (designTime)
        {
            state.AnalyzerConfigFiles.Add(("/.globalconfig", DesignTimeConfig));
        }
    }

    /// <summary>
    /// Checks that a real build (generator reporting) and a design-time build (analyzer reporting) both show exactly
    /// <paramref name="expected"/> (and whatever the source marks with <c>{|ID:…|}</c>), the compiler's errors included.
    /// </summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(source, _ => { }, expected);

    /// <summary>As <see cref="VerifyAsync(string, DiagnosticResult[])"/>, with the tests configured further (references, language version).</summary>
    public static async Task VerifyAsync(string source, Action<GeneratorTest> configure, params DiagnosticResult[] expected)
    {
        foreach (var designTime in new[] { false, true })
        {
            var test = new GeneratorTest(designTime) { TestCode = source };
            configure(test);
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync();
        }
    }
}

/// <summary>ActivationGen's analyzer and generator on one test project.</summary>
public sealed class GeneratorTest : CSharpAnalyzerTest<ActivationAnalyzer, DefaultVerifier>
{
    public GeneratorTest(bool designTime)
    {
        RoslynTests.Configure(TestState, designTime);
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }

    public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

    public NullableContextOptions Nullable { get; set; } = NullableContextOptions.Enable;

    protected override IEnumerable<Type> GetSourceGenerators() => new[] { typeof(ActivationGenerator) };

    protected override ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(Nullable);
}

/// <summary>
/// A code fix of ActivationGen, run as the IDE and <c>dotnet format</c> run it: in a design-time build, on the analyzer's
/// diagnostics, with the generator present. The framework applies the fix once per diagnostic and then checks fix-all in
/// document, project and solution.
/// </summary>
public sealed class CodeFixTest<TCodeFix> : CSharpCodeFixTest<ActivationAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    public CodeFixTest()
    {
        RoslynTests.Configure(TestState, designTime: true);
        RoslynTests.Configure(FixedState, designTime: true);
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }

    protected override IEnumerable<Type> GetSourceGenerators() => new[] { typeof(ActivationGenerator) };

    protected override ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
}
