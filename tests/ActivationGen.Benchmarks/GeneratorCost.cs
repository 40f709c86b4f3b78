using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ActivationGen.Benchmarks;

/// <summary>
/// What the generator costs the compiler: the wall time of <c>GeneratorDriver.RunGenerators</c> with
/// <see cref="ActivationGenerator"/> over a synthetic compilation of <see cref="Methods"/> annotated partial methods,
/// with a fresh driver each call (nothing cached from an earlier run: a command-line build).
/// </summary>
/// <remarks>
/// <para>
/// Method i has attribute i mod 17 of the catalog (every one with its defaults, so SigmoidSum has Count = 100), shape
/// (i / 17) mod 4 (scalar, span, backward, fused) and element type (i / 68) mod 2 (float, double): every
/// (attribute, shape, type) once in 136 methods. 20 methods per partial class, one file per class.
/// </para>
/// <para>
/// <see cref="FreshCompilation"/> runs over a clone of the compilation (<see cref="Compilation.Clone"/>: the syntax
/// trees and the referenced assemblies are shared, no symbol of the source is bound yet), as a build does;
/// <see cref="BoundCompilation"/> over the same compilation each time, whose symbols and attributes earlier runs have
/// already bound: the generator's own share. Not part of the ratio table or of --verify: the setup checks that the
/// generator reports nothing and that the compilation has no error after generation.
/// </para>
/// <para>
/// Tiered compilation is off in the benchmark process (<see cref="TieredCompilationOffAttribute"/>): every method of
/// the compiler and the generator is compiled fully optimized at its first call, so the time per call is flat from
/// the first warm-up iteration. With tiering on, the time kept falling through 20 warm-up and 15 measured iterations
/// (the JIT recompiling the compiler's hot methods in the background), and where it ended differed from
/// process to process: medians of 31 to 92 ms at 100 methods for the same code. 20 warm-up iterations all the same;
/// the Min column beside the median, since other processes on a busy machine only ever add time.
/// </para>
/// </remarks>
[MemoryDiagnoser]
[WarmupCount(20)]
[MinColumn]
[TieredCompilationOff]
public class GeneratorCost
{
    /// <summary>The catalog's attributes, in the order of the README.</summary>
    public static readonly string[] Attributes =
    [
        "Sigmoid", "SigmoidSum", "Softplus", "Relu", "Elu", "LeakyRelu", "Selu", "Celu", "Gelu", "Silu", "Mish", "Tanh",
        "Softsign", "LogSigmoid", "HardSigmoid", "HardSwish", "HardTanh",
    ];

    private const int MethodsPerClass = 20;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private CSharpCompilation _compilation = null!;

    /// <summary>The number of annotated partial methods in the compilation.</summary>
    [Params(100, 1_000)]
    public int Methods { get; set; } = 100;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = CreateCompilation(Methods);

        // A run that reports something or leaves an error would measure something else than the generator at work.
        CreateDriver().RunGeneratorsAndUpdateCompilation(_compilation.Clone(), out var output, out var generatorDiagnostics);
        var problems = generatorDiagnostics
            .Concat(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
            .ToArray();
        if (problems.Length > 0)
        {
            throw new InvalidOperationException(
                $"the generator over {Methods} methods leaves {problems.Length} diagnostics, e.g.:\n"
                + string.Join("\n", problems.Take(10)));
        }

        // One file per method, the attributes and the runtime helpers.
        var generated = output.SyntaxTrees.Count() - _compilation.SyntaxTrees.Length;
        if (generated < Methods + 2)
        {
            throw new InvalidOperationException($"{generated} files generated for {Methods} methods");
        }
    }

    /// <summary>A fresh driver over a fresh clone of the compilation (a build's run).</summary>
    [Benchmark]
    public GeneratorDriver FreshCompilation() => CreateDriver().RunGenerators(_compilation.Clone());

    /// <summary>A fresh driver over the compilation that earlier runs bound already.</summary>
    [Benchmark]
    public GeneratorDriver BoundCompilation() => CreateDriver().RunGenerators(_compilation);

    /// <summary>The source of <paramref name="count"/> annotated methods, one file per class of 20.</summary>
    public static IReadOnlyList<string> Sources(int count)
    {
        var sources = new List<string>();
        for (var first = 0; first < count; first += MethodsPerClass)
        {
            var text = new StringBuilder();
            text.AppendLine("using System;");
            text.AppendLine("using ActivationGen;");
            text.AppendLine();
            text.AppendLine("namespace Synthetic;");
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"public static partial class Activations{first / MethodsPerClass}");
            text.AppendLine("{");
            for (var i = first; i < Math.Min(count, first + MethodsPerClass); i++)
            {
                var attribute = Attributes[i % Attributes.Length];
                var t = (i / (Attributes.Length * 4)) % 2 == 0 ? "float" : "double";
                var declaration = ((i / Attributes.Length) % 4) switch
                {
                    0 => $"public static partial {t} {attribute}Scalar{i}({t} x);",
                    1 => $"public static partial void {attribute}Span{i}(ReadOnlySpan<{t}> x, Span<{t}> destination);",
                    2 => $"public static partial void {attribute}Backward{i}(ReadOnlySpan<{t}> x, ReadOnlySpan<{t}> gradOutput, Span<{t}> gradInput);",
                    _ => $"public static partial void {attribute}Fused{i}(ReadOnlySpan<{t}> x, Span<{t}> destination, Span<{t}> derivative);",
                };
                text.AppendLine(CultureInfo.InvariantCulture, $"    [{attribute}]");
                text.AppendLine(CultureInfo.InvariantCulture, $"    {declaration}");
                text.AppendLine();
            }

            text.AppendLine("}");
            sources.Add(text.ToString());
        }

        return sources;
    }

    private static CSharpCompilation CreateCompilation(int count) =>
        CSharpCompilation.Create(
            "Synthetic" + count.ToString(CultureInfo.InvariantCulture),
            Sources(count).Select((source, k) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Activations{k}.cs")),
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Release,
                deterministic: true));

    private static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            ImmutableArray.Create(new ActivationGenerator().AsSourceGenerator()),
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
}

/// <summary>The benchmark process runs with <c>DOTNET_TieredCompilation=0</c> (out of process only).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class TieredCompilationOffAttribute()
    : JobMutatorConfigBaseAttribute(Job.Default.WithEnvironmentVariable("DOTNET_TieredCompilation", "0"));
