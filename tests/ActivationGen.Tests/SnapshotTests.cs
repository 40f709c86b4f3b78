using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ActivationGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Sdk;

namespace ActivationGen.Tests;

/// <summary>
/// Snapshots of the generated source, one per attribute × shape × element type × parameters that matters, plus the
/// helpers file (of a [Relu] span method, and with every helper) and the attributes. Every case also compiles the whole output with no warnings and runs the analyzer.
/// To accept changed output: review the <c>.received.cs</c> files, then run with ACTIVATIONGEN_ACCEPT_SNAPSHOTS=1.
/// </summary>
public class SnapshotTests
{
    /// <summary>The generator's version, stamped in <c>[GeneratedCode]</c>; scrubbed so a version bump does not touch every snapshot.</summary>
    private static readonly string GeneratorVersion = typeof(ActivationGenerator).Assembly.GetName().Version!.ToString(3);

    private const string VersionPlaceholder = "{ActivationGenVersion}";

    private const string HelperFileName = "ActivationGen.Helpers.g.cs";

    private static readonly string[] AllShapes = { "Scalar", "Span", "InPlace", "Backward", "Fused", "Vector128", "Vector512" };

    // Declared after the fields it reads: static fields are initialized in order.
    private static readonly Dictionary<string, MethodCase> MethodCases = CreateMethodCases();

    public static TheoryData<string> MethodCaseNames => new(MethodCases.Keys);

    [Theory]
    [MemberData(nameof(MethodCaseNames))]
    public void Method(string name)
    {
        var @case = MethodCases[name];
        var run = GeneratorHarness.Run(@case.Source);
        AssertCompilesCleanly(run);

        var file = Assert.Single(run.Sources, s => s.HintName.EndsWith(".Activation.g.cs", StringComparison.Ordinal));
        Assert.Equal(@case.HintName, file.HintName);
        Snapshot.Match(Scrub(file.SourceText.ToString()), name + ".Method");
    }

    /// <summary>
    /// Methods with one of ActivationGen's errors that can still have a body: the body throws, and the declaration is
    /// built from the symbol (constraints, ref kinds, params, this, scoped, nullable annotations), so that the user's
    /// declaration and the generated part match and the only errors are ActivationGen's.
    /// </summary>
    [Theory]
    [MemberData(nameof(StubCaseNames))]
    public void Stub(string name)
    {
        var (source, errors) = StubCases[name];
        var run = GeneratorHarness.Run(source);

        Assert.Equal(errors, run.Diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var files = run.Sources.Where(s => s.HintName.EndsWith(".NotGenerated.Activation.g.cs", StringComparison.Ordinal)).OrderBy(s => s.HintName, StringComparer.Ordinal);
        Snapshot.Match(Scrub(string.Join("\n", files.Select(f => f.SourceText.ToString()))), name + ".Stub");
    }

    public static TheoryData<string> StubCaseNames => new(StubCases.Keys);

    private static readonly Dictionary<string, (string Source, string[] Errors)> StubCases = new()
    {
        ["GenericMethod"] = ("""
            using System;
            using ActivationGen;

            namespace Sample;

            public partial class Layer<TState>
            {
                /// <summary>Documented by the user.</summary>
                [Relu]
                internal partial T? Apply<T, U>(T x, U? y, ReadOnlySpan<TState> state)
                    where T : struct, IComparable<T>
                    where U : class?, new();
            }
            """, new[] { "AGEN0003" }),
        ["UnsupportedSignature"] = ("""
            using System;
            using ActivationGen;

            namespace Sample;

            public static partial class Extensions
            {
                [Elu(Alpha = double.NaN)]
                public static partial ref readonly double Apply(this scoped ref Span<double> values, out int count, in float scale, string? name, params int[] rest);
            }
            """, new[] { "AGEN0004", "AGEN0008" }),
        ["DefinitionOfAHandWrittenBody"] = ("""
            using System;
            using ActivationGen;

            namespace Sample;

            public static partial class Activations
            {
                [Relu] internal static partial T Apply<T>(T x) where T : unmanaged => x;
                [Elu] public static extern partial double Native(double x);
            }
            """, new[] { "AGEN0002", "AGEN0002", "AGEN0003" }),
        ["WarningsOfTheUsersDeclaration"] = ("""
            #nullable disable
            #pragma warning disable CS0612, CS0628, CS3001, CS3002
            using System;
            using ActivationGen;

            [assembly: CLSCompliant(true)]

            namespace Sample;

            [Obsolete] public sealed class Old { }

            public sealed partial class Model
            {
                [Sigmoid] protected internal partial uint Describe(string text, Old state, uint count);
            }
            """, new[] { "AGEN0004" }),
    };

    /// <summary>The helpers file of a project whose only method is a [Relu] span method: the Map driver and what it requires.</summary>
    [Fact]
    public void Helpers_of_a_Relu_span_method()
    {
        var run = GeneratorHarness.Run(StandardSource("Relu", "Span", "float"));
        AssertCompilesCleanly(run);

        var file = Assert.Single(run.Sources, s => s.HintName == HelperFileName);
        Snapshot.Match(Scrub(file.SourceText.ToString()), "ActivationGen.Helpers.Relu");
    }

    /// <summary>The helpers file with every helper, as a compilation that uses them all gets it.</summary>
    [Fact]
    public void Helpers_all()
    {
        var all = ActivationGen.Emit.HelperCatalog.WithRequirements(ActivationGen.Emit.HelperCatalog.All.Keys);
        Snapshot.Match(Scrub(ActivationGen.Emit.HelperSource.Emit(all)), "ActivationGen.Helpers.All");
    }

    [Fact]
    public void Attributes()
    {
        const string source = """
            namespace Sample;

            public static class NothingAnnotated
            {
                public static float Identity(float x) => x;
            }
            """;
        var run = GeneratorHarness.Run(source);
        AssertCompilesCleanly(run);

        // With no annotated method there is nothing else: no helpers, no method files.
        Assert.DoesNotContain(run.Sources, s => s.HintName == HelperFileName || s.HintName.EndsWith(".Activation.g.cs", StringComparison.Ordinal));
        var file = Assert.Single(run.Sources, s => s.HintName == "ActivationGen.Attributes.g.cs");
        Snapshot.Match(Scrub(file.SourceText.ToString()), "ActivationGen.Attributes");
    }

    [Fact]
    public void Every_verified_file_belongs_to_a_test()
    {
        var expected = MethodCases.Keys.Select(name => name + ".Method")
            .Concat(StubCases.Keys.Select(name => name + ".Stub"))
            .Append("ActivationGen.Helpers.Relu")
            .Append("ActivationGen.Helpers.All")
            .Append("ActivationGen.Attributes")
            .Select(name => name + Snapshot.VerifiedExtension)
            .ToHashSet(StringComparer.Ordinal);
        var present = Directory.Exists(Snapshot.SnapshotDirectory)
            ? Directory.GetFiles(Snapshot.SnapshotDirectory, "*" + Snapshot.VerifiedExtension).Select(Path.GetFileName)
            : Enumerable.Empty<string?>();
        var orphans = present.Where(file => !expected.Contains(file!)).ToList();
        Assert.True(orphans.Count == 0, "Verified snapshots that no test produces (delete or rename them):\n" + string.Join("\n", orphans));
    }

    [Fact]
    public void Generated_code_carries_the_generator_version()
    {
        var run = GeneratorHarness.Run(StandardSource("Relu", "Span", "float"));
        var stamp = $"[global::System.CodeDom.Compiler.GeneratedCode(\"ActivationGen\", \"{GeneratorVersion}\")]";
        Assert.All(
            run.Sources.Where(s => s.HintName == HelperFileName || s.HintName.EndsWith(".Activation.g.cs", StringComparison.Ordinal)),
            s => Assert.Contains(stamp, s.SourceText.ToString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Elu_Span_Single", false)]
    [InlineData("Elu_Alpha1_Span_Single", false)]
    [InlineData("Elu_Alpha0.5_Span_Single", true)]
    public void Elu_multiplies_by_Alpha_only_when_it_is_not_1(string name, bool multiplies)
    {
        var code = MethodCode(name);
        Assert.Equal(multiplies, code.Contains("expm1 * ", StringComparison.Ordinal));
        Assert.Equal(multiplies, code.Contains(".Create(0.5f)", StringComparison.Ordinal));
        Assert.DoesNotContain(".Create(1.0)", code, StringComparison.Ordinal);
        Assert.DoesNotContain(".Create(1f)", code, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sigmoid_Span_Single", false)]
    [InlineData("Sigmoid_Offset0_Span_Single", false)]
    [InlineData("Sigmoid_Offset2_Span_Single", true)]
    public void Sigmoid_subtracts_the_Offset_only_when_it_is_not_0(string name, bool subtracts)
    {
        var code = MethodCode(name);
        Assert.Equal(subtracts, code.Contains("ActivationHelpers.Subtract(", StringComparison.Ordinal));
    }

    /// <summary>
    /// Users who build with GenerateDocumentationFile (and warnings as errors) must get no CS15xx warning from the
    /// generated code; the test project itself does not turn that mode on, so check it here.
    /// </summary>
    [Theory]
    [MemberData(nameof(DocumentationCaseNames))]
    public void Documentation_comments_are_well_formed(string name)
    {
        var problems = GeneratedCodeProblemsWithDocumentation(MethodCases[name].Source);
        Assert.True(problems.Count == 0, "Generated code has warnings when documentation is checked:\n" + string.Join("\n", problems));
    }

    /// <summary>
    /// Every case but the double twins of the shape matrix (their comments are those of the float cases) and the
    /// generic containing type (its own test below).
    /// </summary>
    public static TheoryData<string> DocumentationCaseNames => new(MethodCases.Keys.Where(name =>
        name != "Containing_GenericClass"
        && !System.Text.RegularExpressions.Regex.IsMatch(name, "^(Sigmoid|Elu)_[A-Za-z0-9]+_Double$")));

    [Fact]
    public void Documentation_comments_are_well_formed_for_a_generic_containing_type()
    {
        var problems = GeneratedCodeProblemsWithDocumentation(MethodCases["Containing_GenericClass"].Source);
        Assert.True(problems.Count == 0, "Generated code has warnings when documentation is checked:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void The_users_documentation_of_the_method_is_kept()
    {
        const string source = """
            using System;
            using ActivationGen;

            namespace Sample;

            /// <summary>Activations.</summary>
            public static partial class Activations
            {
                /// <summary>The user's own summary.</summary>
                [Relu]
                public static partial void Apply(ReadOnlySpan<float> x, Span<float> destination);
            }
            """;
        var output = RunWithDocumentation(source);
        var apply = output.GetTypeByMetadataName("Sample.Activations")!.GetMembers("Apply").Single();
        Assert.Contains("The user's own summary.", apply.GetDocumentationCommentXml(), StringComparison.Ordinal);
    }

    private static void AssertCompilesCleanly(GeneratorRun run)
    {
        GeneratorHarness.Load(run.Output);
        var analyzer = GeneratorHarness.AnalyzerDiagnostics(run.Output).Where(d => d.Severity > DiagnosticSeverity.Info).ToList(); // AGEN0019 is information
        Assert.True(analyzer.Count == 0, "The analyzer reported:\n" + string.Join("\n", analyzer));
    }

    private static string MethodCode(string name)
    {
        var run = GeneratorHarness.Run(MethodCases[name].Source);
        return run.Sources.Single(s => s.HintName == MethodCases[name].HintName).SourceText.ToString();
    }

    /// <summary>Runs the generator with documentation comments checked, as GenerateDocumentationFile does.</summary>
    private static Compilation RunWithDocumentation(string source)
    {
        var options = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);
        var input = GeneratorHarness.CreateCompilation(source);
        input = input.ReplaceSyntaxTree(input.SyntaxTrees.Single(), CSharpSyntaxTree.ParseText(source, options, path: "Input.cs"));
        CSharpGeneratorDriver
            .Create(new[] { new ActivationGenerator().AsSourceGenerator() }, parseOptions: options)
            .RunGeneratorsAndUpdateCompilation(input, out var output, out var diagnostics);
        Assert.Empty(diagnostics.Where(d => d.Severity > DiagnosticSeverity.Info)); // AGEN0019 tells where a definition takes double lanes
        return output;
    }

    private static List<Diagnostic> GeneratedCodeProblemsWithDocumentation(string source) =>
        RunWithDocumentation(source).GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath != "Input.cs")
            .ToList();

    private static string Scrub(string text) =>
        text.Replace($"\"ActivationGen\", \"{GeneratorVersion}\")", $"\"ActivationGen\", \"{VersionPlaceholder}\")", StringComparison.Ordinal);

    private sealed record MethodCase(string Source, string HintName);

    private static Dictionary<string, MethodCase> CreateMethodCases()
    {
        var cases = new Dictionary<string, MethodCase>(StringComparer.Ordinal);

        void Standard(string name, string attribute, string shape, string type)
        {
            if (!cases.TryAdd(name, new MethodCase(StandardSource(attribute, shape, type), StandardHintName(shape, type))))
            {
                throw new InvalidOperationException($"Two snapshot cases named '{name}'.");
            }
        }

        // Each attribute, defaults, in the span shape over float.
        foreach (var attribute in new[] { "Sigmoid", "SigmoidSum", "Softplus", "Relu", "Elu" })
        {
            Standard($"{attribute}_Span_Single", attribute, "Span", "float");
        }

        // Sigmoid and Elu in every shape, float and double.
        foreach (var attribute in new[] { "Sigmoid", "Elu" })
        {
            foreach (var shape in AllShapes)
            {
                foreach (var type in new[] { "float", "double" })
                {
                    var name = $"{attribute}_{shape}_{TypeName(type)}";
                    if (!cases.ContainsKey(name))
                    {
                        Standard(name, attribute, shape, type);
                    }
                }
            }
        }

        // f' instead of f.
        foreach (var attribute in new[] { "Sigmoid", "SigmoidSum", "Softplus", "Relu", "Elu" })
        {
            Standard($"{attribute}_Derivative_Span_Single", $"{attribute}(Derivative = true)", "Span", "float");
        }

        Standard("Elu_Alpha0.5_Derivative_Scalar_Double", "Elu(Alpha = 0.5, Derivative = true)", "Scalar", "double");
        Standard("Sigmoid_Offset2_Derivative_Vector256_Single", "Sigmoid(Offset = 2, Derivative = true)", "Vector256", "float");

        // Parameters: the neutral values fold away, the others are baked in.
        Standard("Elu_Alpha1_Span_Single", "Elu(Alpha = 1)", "Span", "float");
        Standard("Elu_Alpha0.5_Span_Single", "Elu(Alpha = 0.5)", "Span", "float");
        Standard("Elu_Alpha0.5_Fused_Double", "Elu(Alpha = 0.5)", "Fused", "double");
        Standard("Sigmoid_Offset0_Span_Single", "Sigmoid(Offset = 0)", "Span", "float");
        Standard("Sigmoid_Offset2_Span_Single", "Sigmoid(Offset = 2)", "Span", "float");
        Standard("Sigmoid_Offset-0.1_Span_Double", "Sigmoid(Offset = -0.1)", "Span", "double");
        Standard("SigmoidSum_Defaults_Span_Double", "SigmoidSum", "Span", "double");
        Standard("SigmoidSum_Count100_From0_To9.8_Scale0.1_Span_Single", "SigmoidSum(Count = 100, From = 0, To = 9.8, Scale = 0.1)", "Span", "float");
        Standard("SigmoidSum_Count100_From0_To9.8_Scale0.1_Span_Double", "SigmoidSum(Count = 100, From = 0, To = 9.8, Scale = 0.1)", "Span", "double");
        Standard("SigmoidSum_Count50_From-300_To300_Span_Single", "SigmoidSum(Count = 50, From = -300, To = 300)", "Span", "float");
        Standard("SigmoidSum_Count1_From5_To5_Span_Single", "SigmoidSum(Count = 1, From = 5, To = 5)", "Span", "float");
        Standard("SigmoidSum_Count3_From-1_To1_Fused_Double", "SigmoidSum(Count = 3, From = -1, To = 1)", "Fused", "double");

        // The catalog: parameters baked in or folded away, f' and fused, and the derivative from the output.
        Standard("LeakyRelu_NegativeSlope0.2_Span_Single", "LeakyRelu(NegativeSlope = 0.2)", "Span", "float");
        Standard("LeakyRelu_NegativeSlope0_Span_Single", "LeakyRelu(NegativeSlope = 0)", "Span", "float");
        Standard("HardSigmoid_Fused_Single", "HardSigmoid", "Fused", "float");
        Standard("HardSwish_Fused_Double", "HardSwish", "Fused", "double");
        Standard("HardTanh_Min-0.1_Max0.7_Derivative_Span_Single", "HardTanh(Min = -0.1, Max = 0.7, Derivative = true)", "Span", "float");
        Standard("Softsign_Fused_Single", "Softsign", "Fused", "float");
        Standard("Relu_FromOutput_Backward_Single", "Relu(FromOutput = true)", "Backward", "float");
        Standard("Softsign_FromOutput_Backward_Double", "Softsign(FromOutput = true)", "Backward", "double");

        // Selu, Celu, Silu, LogSigmoid, Softplus with Beta, and the backward from the output.
        Standard("Selu_Span_Single", "Selu", "Span", "float");
        Standard("Celu_Alpha0.1_Fused_Single", "Celu(Alpha = 0.1)", "Fused", "float");
        Standard("Celu_Alpha-2_Fused_Double", "Celu(Alpha = -2)", "Fused", "double");
        Standard("Silu_Beta1.702_Fused_Single", "Silu(Beta = 1.702)", "Fused", "float");
        Standard("Silu_Beta0_Fused_Single", "Silu(Beta = 0)", "Fused", "float");
        Standard("LogSigmoid_Fused_Double", "LogSigmoid", "Fused", "double");
        Standard("Softplus_Beta0.5_Fused_Single", "Softplus(Beta = 0.5)", "Fused", "float");
        Standard("Sigmoid_FromOutput_Backward_Single", "Sigmoid(FromOutput = true)", "Backward", "float");
        Standard("Softplus_Beta2_FromOutput_Backward_Double", "Softplus(Beta = 2, FromOutput = true)", "Backward", "double");

        // The smooth catalog attributes: Tanh in float lanes, Mish and GELU in double lanes, Tanh from the output.
        Standard("Tanh_Span_Single", "Tanh", "Span", "float");
        Standard("Mish_Span_Single", "Mish", "Span", "float");
        Standard("Gelu_Span_Single", "Gelu", "Span", "float");
        Standard("Gelu_Tanh_Fused_Double", "Gelu(Approximate = GeluApproximation.Tanh)", "Fused", "double");
        Standard("Tanh_FromOutput_Backward_Single", "Tanh(FromOutput = true)", "Backward", "float");

        // [Activation]: a definition in float lanes (fused), one that stays in double lanes for float elements (x·x overflows
        // float), a double kernel whose exponential takes its argument as a pair, and one with Fn.Erf.
        void Custom(string name, string definition, string declaration, string hintName) => cases.Add(name, new MethodCase(
            $$"""
            using System;
            using ActivationGen;

            namespace Sample;

            public static partial class Defs
            {
                public static double Definition(double x) => {{definition}};

                [Activation(nameof(Definition))]
                public static partial {{declaration}};
            }
            """,
            hintName));
        Custom("Activation_Swish_Fused_Single", "x / (1 + Math.Exp(-1.5 * x))", "void M(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative)", "Sample.Defs.M.FusedSingle.Activation.g.cs");
        Custom("Activation_Squareplus_Span_Single", "0.5 * (x + Math.Sqrt(x * x + 4))", "void M(ReadOnlySpan<float> x, Span<float> destination)", "Sample.Defs.M.SpanSingle.Activation.g.cs");
        Custom("Activation_ShiftedSigmoid_Scalar_Double", "1 / (1 + Math.Exp(-(x - 2)))", "double M(double x)", "Sample.Defs.M.ScalarDouble.Activation.g.cs");
        Custom("Activation_Gelu_Span_Double", "0.5 * x * (1 + Fn.Erf(x / Math.Sqrt(2)))", "void M(ReadOnlySpan<double> x, Span<double> destination)", "Sample.Defs.M.SpanDouble.Activation.g.cs");

        // Containing types, namespaces, modifiers and parameter names.
        cases.Add("Containing_InstanceMethodInStruct", new MethodCase(
            """
            using System;
            using ActivationGen;

            namespace Sample;

            public partial struct Neuron
            {
                public double Bias;

                [Elu(Alpha = 0.5)]
                public partial void Activate(ReadOnlySpan<double> input, Span<double> output);
            }
            """,
            "Sample.Neuron.Activate.SpanDouble.Activation.g.cs"));

        cases.Add("Containing_NestedTypesInNamespace", new MethodCase(
            """
            using System;
            using ActivationGen;

            namespace Company.Models
            {
                public partial class Network
                {
                    internal static partial class Layers
                    {
                        [Relu]
                        internal static partial void Forward(ReadOnlySpan<float> input, Span<float> output);
                    }
                }
            }
            """,
            "Company.Models.Network.Layers.Forward.SpanSingle.Activation.g.cs"));

        cases.Add("Containing_GlobalNamespace", new MethodCase(
            """
            using ActivationGen;

            public static partial class GlobalActivations
            {
                [Softplus]
                public static partial double Softplus(double x);
            }
            """,
            "GlobalActivations.Softplus.ScalarDouble.Activation.g.cs"));

        cases.Add("Containing_Record", new MethodCase(
            """
            using System;
            using ActivationGen;

            namespace Sample;

            public partial record Model(string Name)
            {
                [Sigmoid(Offset = 2)]
                public partial void Squash(Span<float> values);
            }
            """,
            "Sample.Model.Squash.InPlaceSingle.Activation.g.cs"));

        cases.Add("Containing_RecordStruct", new MethodCase(
            """
            using System.Runtime.Intrinsics;
            using ActivationGen;

            namespace Sample;

            public readonly partial record struct Unit(double Weight)
            {
                public Vector256<double> Run(Vector256<double> x) => Evaluate(x);

                [SigmoidSum(Count = 3, From = -1, To = 1)]
                private partial Vector256<double> Evaluate(Vector256<double> x);
            }
            """,
            "Sample.Unit.Evaluate.VectorDouble256.Activation.g.cs"));

        cases.Add("Containing_GenericClass", new MethodCase(
            """
            using System;
            using ActivationGen;

            namespace Sample;

            public partial class Layer<T>
                where T : struct
            {
                public T State;

                [Elu]
                protected internal partial void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);
            }
            """,
            "Sample.Layer_T_.Backward.BackwardSingle.Activation.g.cs"));

        cases.Add("Parameters_KeywordNames", new MethodCase(
            """
            using System;
            using ActivationGen;

            namespace Sample;

            internal static partial class Keywords
            {
                [Relu(Derivative = true)]
                internal static partial void Apply(ReadOnlySpan<float> @in, Span<float> @out);
            }
            """,
            "Sample.Keywords.Apply.SpanSingle.Activation.g.cs"));

        return cases;
    }

    private static string StandardSource(string attribute, string shape, string type) => $$"""
        using System;
        using System.Runtime.Intrinsics;
        using ActivationGen;

        namespace Sample;

        public static partial class Activations
        {
            [{{attribute}}]
            public static partial {{Declaration(shape, type)}};
        }
        """;

    private static string StandardHintName(string shape, string type)
    {
        var bits = shape.StartsWith("Vector", StringComparison.Ordinal) ? shape.Substring("Vector".Length) : string.Empty;
        var shapeName = bits.Length > 0 ? "Vector" : shape;
        return $"Sample.Activations.Apply.{shapeName}{TypeName(type)}{bits}.Activation.g.cs";
    }

    private static string Declaration(string shape, string t) => shape switch
    {
        "Scalar" => $"{t} Apply({t} x)",
        "Span" => $"void Apply(ReadOnlySpan<{t}> x, Span<{t}> destination)",
        "InPlace" => $"void Apply(Span<{t}> values)",
        "Backward" => $"void Apply(ReadOnlySpan<{t}> x, ReadOnlySpan<{t}> gradOutput, Span<{t}> gradInput)",
        "Fused" => $"void Apply(ReadOnlySpan<{t}> x, Span<{t}> destination, Span<{t}> derivative)",
        "Vector128" or "Vector256" or "Vector512" => $"{shape}<{t}> Apply({shape}<{t}> x)",
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
    };

    private static string TypeName(string type) => type == "float" ? "Single" : "Double";
}

/// <summary>The snapshot helper itself: accepting, never on CI, the received file and the diff.</summary>
public sealed class SnapshotHelperTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ActivationGen.SnapshotHelperTests." + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("1", null, true)]
    [InlineData("true", null, true)]
    [InlineData("TRUE", "", true)]
    [InlineData("1", "false", true)]
    [InlineData("1", "0", true)]
    [InlineData("0", null, false)]
    [InlineData("", null, false)]
    [InlineData("yes please", null, false)]
    [InlineData("1", "true", false)]
    [InlineData("1", "True", false)]
    [InlineData("1", "1", false)]
    [InlineData("1", "azure-pipelines", false)]
    [InlineData(null, "true", false)]
    public void Accepts_only_when_asked_and_never_on_CI(string? accept, string? ci, bool expected) =>
        Assert.Equal(expected, Snapshot.ShouldAccept(Environment(accept, ci)));

    [Fact]
    public void Snapshots_live_in_the_source_tree_not_in_bin()
    {
        var folder = Snapshot.SnapshotDirectory;
        Assert.Equal("Snapshots", Path.GetFileName(folder));
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(folder)!, "ActivationGen.Tests.csproj")), folder);
        Assert.DoesNotContain(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, folder, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_passes_and_removes_a_stale_received_file()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "Same.verified.cs"), "a\r\nb\n");
        File.WriteAllText(Path.Combine(_directory, "Same.received.cs"), "old");

        Snapshot.Match("a\nb\r\n", "Same", _directory, Environment(null, null));

        Assert.False(File.Exists(Path.Combine(_directory, "Same.received.cs")));
    }

    [Fact]
    public void Mismatch_fails_with_a_line_diff_and_writes_the_received_file()
    {
        Directory.CreateDirectory(_directory);
        var verifiedPath = Path.Combine(_directory, "Changed.verified.cs");
        File.WriteAllText(verifiedPath, "one\ntwo\nthree\nfour\n");

        var failure = Assert.Throws<XunitException>(() => Snapshot.Match("one\r\n2\r\nthree\r\nfour\r\nfive\r\n", "Changed", _directory, Environment(null, null)));

        Assert.Equal("one\n2\nthree\nfour\nfive\n", File.ReadAllText(Path.Combine(_directory, "Changed.received.cs")));
        Assert.Equal("one\ntwo\nthree\nfour\n", File.ReadAllText(verifiedPath));
        Assert.Contains("- " + "    2: two\n" + "+ " + "    2: 2\n" + "+ " + "    5: five\n", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("one", failure.Message.Substring(failure.Message.IndexOf("Diff", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(Snapshot.AcceptVariable + "=1", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_verified_file_fails_and_writes_the_received_file()
    {
        var failure = Assert.Throws<XunitException>(() => Snapshot.Match("new\n", "New", _directory, Environment(null, null)));

        Assert.Equal("new\n", File.ReadAllText(Path.Combine(_directory, "New.received.cs")));
        Assert.False(File.Exists(Path.Combine(_directory, "New.verified.cs")));
        Assert.Contains("no verified file", failure.Message, StringComparison.Ordinal);
        Assert.Contains("+     1: new", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accept_mode_writes_the_verified_file_and_passes()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "Accepted.verified.cs"), "old\n");
        File.WriteAllText(Path.Combine(_directory, "Accepted.received.cs"), "stale\n");

        Snapshot.Match("new\r\n", "Accepted", _directory, Environment("1", null));

        Assert.Equal("new\n", File.ReadAllText(Path.Combine(_directory, "Accepted.verified.cs")));
        Assert.False(File.Exists(Path.Combine(_directory, "Accepted.received.cs")));
        Snapshot.Match("new\n", "Accepted", _directory, Environment(null, null));
    }

    [Fact]
    public void Accept_mode_is_ignored_on_CI()
    {
        Directory.CreateDirectory(_directory);
        var verifiedPath = Path.Combine(_directory, "Guarded.verified.cs");
        File.WriteAllText(verifiedPath, "old\n");

        var failure = Assert.Throws<XunitException>(() => Snapshot.Match("new\n", "Guarded", _directory, Environment("1", "true")));

        Assert.Equal("old\n", File.ReadAllText(verifiedPath));
        Assert.True(File.Exists(Path.Combine(_directory, "Guarded.received.cs")));
        Assert.Contains("never accepted on CI", failure.Message, StringComparison.Ordinal);

        // A missing snapshot is not created on CI either.
        Assert.Throws<XunitException>(() => Snapshot.Match("new\n", "Absent", _directory, Environment("1", "true")));
        Assert.False(File.Exists(Path.Combine(_directory, "Absent.verified.cs")));
    }

    [Fact]
    public void Diff_shows_at_most_forty_lines_with_line_numbers()
    {
        var verified = string.Join("\n", Enumerable.Range(1, 100).Select(i => "line " + i));
        var received = string.Join("\n", Enumerable.Range(1, 100).Select(i => "LINE " + i));

        var diff = Snapshot.Diff(verified, received);
        var lines = diff.TrimEnd('\n').Split('\n');

        Assert.Equal(Snapshot.MaxDiffLines + 1, lines.Length);
        Assert.Equal("… and 160 more differing lines", lines[^1]);
        Assert.All(lines[..^1], line => Assert.Matches(@"^[-+] +\d+: (line|LINE) \d+$", line));
        Assert.StartsWith("-     1: line 1", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_of_an_inserted_line_shows_only_that_line()
    {
        var diff = Snapshot.Diff("a\nb\nc\nd\n", "a\nb\nX\nc\nd\n");
        Assert.Equal("+     3: X\n", diff);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("")]
    public void Rejects_names_that_are_not_plain_file_names(string name) =>
        Assert.Throws<ArgumentException>(() => Snapshot.Match("x", name, _directory, Environment(null, null)));

    private static Func<string, string?> Environment(string? accept, string? ci) => variable => variable switch
    {
        Snapshot.AcceptVariable => accept,
        Snapshot.CiVariable => ci,
        _ => null,
    };
}
