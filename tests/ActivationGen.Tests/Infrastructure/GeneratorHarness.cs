using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using ActivationGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ActivationGen.Tests.Infrastructure;

/// <summary>Runs the generator and the analyzer in-process over a source text, and compiles and loads the result.</summary>
public static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References =
        Basic.Reference.Assemblies.Net100.References.All
            .Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(GeneratorHarness).Assembly.Location))
            .ToImmutableArray();

    public static CSharpCompilation CreateCompilation(string source, string assemblyName = "Generated.Tests", IEnumerable<MetadataReference>? references = null) =>
        CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Input.cs") },
            references ?? References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Release,
                deterministic: true));

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new ActivationGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Runs the generator as a real build does (not design time: the generator reports ActivationGen's errors); fails if
    /// the generator threw (CS8784, CS8785) or reported anything but ActivationGen's own diagnostics.
    /// </summary>
    public static GeneratorRun Run(string source) => Run(CreateCompilation(source));

    public static GeneratorRun Run(CSharpCompilation compilation)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult();
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Assert.All(diagnostics, d => Assert.StartsWith("AGEN", d.Id, StringComparison.Ordinal));
        return new GeneratorRun(output, result);
    }

    /// <summary>
    /// The analyzer's diagnostics on the compilation with the generated code, in a design-time build (the only place it
    /// reports); fails on any analyzer exception (AD0001).
    /// </summary>
    public static ImmutableArray<Diagnostic> AnalyzerDiagnostics(Compilation compilation)
    {
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, DesignTimeOptions.Instance),
            (exception, _, _) => exceptions.Add(exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ActivationAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    /// <summary>Emits and loads the compilation; fails with the compiler's errors if it does not compile cleanly.</summary>
    public static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(result.Success && problems.Count == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", problems));
        return Assembly.Load(stream.ToArray());
    }
}

/// <summary>The compilation after generation and the driver's result.</summary>
public sealed record GeneratorRun(Compilation Output, GeneratorDriverRunResult Result)
{
    public IEnumerable<GeneratedSourceResult> Sources => Result.Results.SelectMany(r => r.GeneratedSources);

    /// <summary>What the generator reported (ActivationGen's errors, in a real build).</summary>
    public ImmutableArray<Diagnostic> Diagnostics => Result.Diagnostics;

    /// <summary>No compiler warning or error has its location in a file the generator wrote.</summary>
    public void AssertNoProblemInGeneratedCode()
    {
        var generated = Result.GeneratedTrees.ToHashSet();
        Assert.DoesNotContain(CompilerProblems, d => d.Location.SourceTree is { } tree && generated.Contains(tree));
    }

    /// <summary>Compiler diagnostics of warning severity or above on the output (the generated code included).</summary>
    public IReadOnlyList<Diagnostic> CompilerProblems =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
}

/// <summary>Analyzer options of a design-time build: <c>build_property.DesignTimeBuild = true</c>.</summary>
public sealed class DesignTimeOptions : AnalyzerConfigOptionsProvider
{
    public static readonly DesignTimeOptions Instance = new();

    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(("build_property.DesignTimeBuild", "true"));

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options(params (string Key, string Value)[] values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new();

        private readonly Dictionary<string, string> _values = values.ToDictionary(v => v.Key, v => v.Value);

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
