using System;
using System.Collections.Generic;
using System.Linq;
using ActivationGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ActivationGen.Tests;

/// <summary>
/// One case per compile-time error of API.md and per diagnostic id: the analyzer reports exactly that error, at the
/// marked text (<c>[|…|]</c>), with a message that says what to change; the generator writes nothing for the method;
/// and the only compiler errors left are the ones the user's own declaration causes when nothing implements it.
/// </summary>
public class DiagnosticTests
{
    /// <param name="Name">What the case shows; the theory row's name.</param>
    /// <param name="Id">The one diagnostic the analyzer must report.</param>
    /// <param name="Source">A compilation unit after the usings and the namespace; <c>[|…|]</c> marks the location.</param>
    /// <param name="Words">Text the message must contain.</param>
    /// <param name="CompilerErrors">
    /// The compiler's own errors for the user's declaration when no implementation is generated, e.g. CS8795 for an
    /// accessible partial method without implementation, CS0759 for an implementation without definition.
    /// </param>
    public sealed record Case(string Name, string Id, string Source, string[] Words, params string[] CompilerErrors);

    private static readonly Case[] Cases =
    {
        // AGEN0001: method or a containing type not partial, or an attribute where no partial method is.
        new("method not partial", "AGEN0001", """
            public static partial class C
            {
                [Relu] public static double [|M|](double x);
            }
            """, new[] { "'M'", "add 'partial' to the method" }, "CS0501"),
        new("method not partial, without accessibility", "AGEN0001", """
            public static partial class C
            {
                [Relu] static double [|M|](double x) => x;
            }
            """, new[] { "'M'", "add 'partial' to the method" }),
        new("method not partial, with a body", "AGEN0001", """
            public static partial class C
            {
                [Relu] public static double [|M|](double x) => x;
            }
            """, new[] { "'M'", "add 'partial' to the method" }),
        new("containing type not partial", "AGEN0001", """
            public static class C
            {
                [Relu] public static partial double [|M|](double x);
            }
            """, new[] { "'M'", "add 'partial' to type 'C'" }, "CS0751", "CS8795"),
        new("nested containing type not partial", "AGEN0001", """
            public partial class Outer
            {
                public class Inner
                {
                    [Relu] public partial double [|M|](double x);
                }
            }
            """, new[] { "'M'", "add 'partial' to type 'Inner'" }, "CS0751", "CS8795"),
        new("outer containing type not partial", "AGEN0001", """
            public class Outer
            {
                public partial class Inner
                {
                    [Relu] public partial double [|M|](double x);
                }
            }
            """, new[] { "'M'", "add 'partial' to type 'Outer'" }, "CS8795"),
        new("attribute on a local function", "AGEN0001", """
            public static partial class C
            {
                public static double F(double y)
                {
                    return L(y);

                    [Relu] static double [|L|](double x) => x;
                }
            }
            """, new[] { "'L'", "add 'partial' to a method of the containing type", "not local functions" }),
        new("attribute on a property accessor", "AGEN0001", """
            public partial class C
            {
                public double P { [[|Relu|]] get => 0; }
            }
            """, new[] { "'C.P.get'", "not accessors" }),
        new("attribute on an operator", "AGEN0001", """
            public partial class C
            {
                [[|Relu|]] public static C operator +(C a, C b) => a;
            }
            """, new[] { "operator +", "not operators" }),
        new("attribute on a lambda", "AGEN0001", """
            public static partial class C
            {
                public static Func<double, double> F = [[|Relu|]] (double x) => x;
            }
            """, new[] { "not lambdas" }),

        // AGEN0002: the method has an implementation already.
        new("method with a body and no other part", "AGEN0002", """
            public static partial class C
            {
                [Relu] public static partial double [|M|](double x) => x;
            }
            """, new[] { "'M'", "remove its body" }, "CS0759"),
        new("user wrote both parts, attribute on the definition", "AGEN0002", """
            public static partial class C
            {
                [Relu] public static partial double [|M|](double x);

                public static partial double M(double x) => x;
            }
            """, new[] { "'M'", "remove the other partial declaration" }),
        new("user wrote both parts, attribute on the implementation", "AGEN0002", """
            public static partial class C
            {
                public static partial double M(double x);

                [Relu] public static partial double [|M|](double x) => x;
            }
            """, new[] { "'M'", "remove its body" }),
        new("user wrote both parts, another attribute on the implementation", "AGEN0002", """
            public static partial class C
            {
                [Relu] public static partial double [|M|](double x);

                [Obsolete] public static partial double M(double x) => x;
            }
            """, new[] { "'M'", "remove the other partial declaration" }),
        new("extern partial", "AGEN0002", """
            public static partial class C
            {
                [Relu] public static extern partial double [|M|](double x);
            }
            """, new[] { "'M'", "remove 'extern'" }, "CS0759"),
        new("extern partial implementing a definition", "AGEN0002", """
            public static partial class C
            {
                public static partial double M(double x);

                [Relu] public static extern partial double [|M|](double x);
            }
            """, new[] { "'M'", "remove 'extern'" }),

        // AGEN0003
        new("generic method", "AGEN0003", """
            public static partial class C
            {
                [Relu] public static partial double [|M|]<T>(double x);
            }
            """, new[] { "'M'", "must not have type parameters", "declare one method for float and one for double" }, "CS8795"),

        // AGEN0004: the message names the accepted shapes.
        Signature("int element", "public static partial int [|M|](int x);"),
        Signature("Half element", "public static partial Half [|M|](Half x);"),
        Signature("nullable double", "public static partial double? [|M|](double? x);"),
        Signature("System.Numerics.Vector", "public static partial System.Numerics.Vector<double> [|M|](System.Numerics.Vector<double> x);"),
        Signature("Span<T> x in the position of shape 2's ReadOnlySpan", "public static partial void [|M|](Span<double> x, Span<double> destination);"),
        Signature("ReadOnlySpan<T> for the in-place shape", "public static partial void [|M|](ReadOnlySpan<double> values);"),
        Signature("span shape returning a value", "public static partial double [|M|](ReadOnlySpan<double> x, Span<double> destination);"),
        Signature("scalar in, nothing out", "public static partial void [|M|](double x);"),
        Signature("no parameter", "public static partial double [|M|]();"),
        Signature("two scalar parameters", "public static partial double [|M|](double x, double y);"),
        Signature("four span parameters", "public static partial void [|M|](ReadOnlySpan<double> x, ReadOnlySpan<double> g, Span<double> d, Span<double> e);"),
        Signature("ref parameter", "public static partial double [|M|](ref double x);"),
        Signature("out parameter", "public static partial double [|M|](out double x);"),
        Signature("in parameter", "public static partial double [|M|](in double x);"),
        Signature("ref readonly parameter", "public static partial double [|M|](ref readonly double x);"),
        Signature("ref span parameter", "public static partial void [|M|](ref Span<double> values);"),
        Signature("ref return", "public static partial ref double [|M|](double x);"),
        Signature("ref readonly return", "public static partial ref readonly double [|M|](double x);"),
        Signature("Vector128 in, Vector256 out", "public static partial Vector256<double> [|M|](Vector128<double> x);"),
        Signature("Vector512 in, scalar out", "public static partial double [|M|](Vector512<double> x);"),

        // AGEN0005
        Mixed("float result of a double", "public static partial float [|M|](double x);"),
        Mixed("float span into a double span", "public static partial void [|M|](ReadOnlySpan<float> x, Span<double> destination);"),
        Mixed("backward with a float gradient", "public static partial void [|M|](ReadOnlySpan<double> x, ReadOnlySpan<float> gradOutput, Span<double> gradInput);"),
        Mixed("fused with a float derivative", "public static partial void [|M|](ReadOnlySpan<double> x, Span<double> destination, Span<float> derivative);"),
        Mixed("Vector128<float> of Vector128<double>", "public static partial Vector128<float> [|M|](Vector128<double> x);"),

        // AGEN0006
        new("two activation attributes in one list", "AGEN0006", """
            public static partial class C
            {
                [Relu, Elu] public static partial double [|M|](double x);
            }
            """, new[] { "'M'", "[Relu], [Elu]", "keep one" }, "CS8795"),
        new("two activation attributes in two lists", "AGEN0006", """
            public static partial class C
            {
                [Sigmoid(Offset = 1)]
                [Softplus]
                public static partial void [|M|](Span<float> values);
            }
            """, new[] { "'M'", "[Sigmoid], [Softplus]", "keep one" }, "CS8795"),

        // AGEN0007: located on the argument.
        new("Derivative = true on the backward shape", "AGEN0007", """
            public static partial class C
            {
                [Elu(Alpha = 2, [|Derivative = true|])]
                public static partial void M(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput);
            }
            """, new[] { "'M'", "backward", "remove 'Derivative = true'" }, "CS8795"),
        new("Derivative = true on the fused shape", "AGEN0007", """
            public static partial class C
            {
                [Softplus([|Derivative = true|])]
                public static partial void M(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);
            }
            """, new[] { "'M'", "fused", "remove 'Derivative = true'" }, "CS8795"),

        // AGEN0009: Count must be in [1, 10000].
        Count("Count = 0", "0"),
        Count("Count = -5", "-5"),
        Count("Count = 10001", "10001"),
        Count("Count = int.MinValue", "-2147483648"),
        Count("Count = int.MaxValue", "2147483647"),

        // AGEN0010: located on From, or on To when From is left at its default.
        new("From > To", "AGEN0010", """
            public static partial class C
            {
                [SigmoidSum(Count = 10, [|From = 5|], To = 1)] public static partial double M(double x);
            }
            """, new[] { "From (5) is greater than To (1)", "swap them" }, "CS8795"),
        new("default From > To", "AGEN0010", """
            public static partial class C
            {
                [SigmoidSum([|To = -0.5|])] public static partial double M(double x);
            }
            """, new[] { "From (0) is greater than To (-0.5)", "swap them" }, "CS8795"),

        // AGEN0013: located on the argument.
        new("Celu Alpha = 0", "AGEN0013", """
            public static partial class C
            {
                [Celu([|Alpha = 0|])] public static partial double M(double x);
            }
            """, new[] { "'Alpha' is 0", "nonzero" }, "CS8795"),
        new("Softplus Beta = 0", "AGEN0013", """
            public static partial class C
            {
                [Softplus([|Beta = -0.0|])] public static partial float M(float x);
            }
            """, new[] { "'Beta' is 0", "nonzero" }, "CS8795"),
        new("Gelu with an unnamed GeluApproximation", "AGEN0013", """
            public static partial class C
            {
                [Gelu([|Approximate = (GeluApproximation)2|])] public static partial double M(double x);
            }
            """, new[] { "'Approximate' is 2", "GeluApproximation.None or GeluApproximation.Tanh" }, "CS8795"),

        // AGEN0014: located on Min, or on Max when Min is left at its default.
        new("HardTanh Min = Max", "AGEN0014", """
            public static partial class C
            {
                [HardTanh([|Min = 2|], Max = 2)] public static partial double M(double x);
            }
            """, new[] { "Min (2) is not less than Max (2)" }, "CS8795"),
        new("HardTanh default Min > Max", "AGEN0014", """
            public static partial class C
            {
                [HardTanh([|Max = -3|])] public static partial void M(Span<float> values);
            }
            """, new[] { "Min (-1) is not less than Max (-3)" }, "CS8795"),

        // AGEN0015: located on the argument; names the attributes that support it.
        new("FromOutput on an attribute without it", "AGEN0015", """
            public static partial class C
            {
                [Gelu([|FromOutput = true|])]
                public static partial void M(ReadOnlySpan<float> y, ReadOnlySpan<float> gradOutput, Span<float> gradInput);
            }
            """, new[] { "not supported by [Gelu]", "Sigmoid, Tanh, Relu", "remove it" }, "CS8795"),
        new("FromOutput on SigmoidSum", "AGEN0015", """
            public static partial class C
            {
                [SigmoidSum(Count = 3, [|FromOutput = true|])]
                public static partial void M(ReadOnlySpan<double> y, ReadOnlySpan<double> gradOutput, Span<double> gradInput);
            }
            """, new[] { "not supported by [SigmoidSum]", "HardSigmoid" }, "CS8795"),
        new("FromOutput on LeakyRelu with a negative slope", "AGEN0015", """
            public static partial class C
            {
                [LeakyRelu(NegativeSlope = -0.5, [|FromOutput = true|])]
                public static partial void M(ReadOnlySpan<double> y, ReadOnlySpan<double> gradOutput, Span<double> gradInput);
            }
            """, new[] { "[LeakyRelu] with NegativeSlope = -0.5", "LeakyRelu (NegativeSlope > 0)" }, "CS8795"),
        new("FromOutput on Elu with a negative Alpha", "AGEN0015", """
            public static partial class C
            {
                [Elu(Alpha = -1, [|FromOutput = true|])]
                public static partial void M(ReadOnlySpan<float> y, ReadOnlySpan<float> gradOutput, Span<float> gradInput);
            }
            """, new[] { "[Elu] with Alpha = -1", "Elu and Celu (Alpha ≥ 0)" }, "CS8795"),
        new("FromOutput on the span shape", "AGEN0015", """
            public static partial class C
            {
                [Sigmoid([|FromOutput = true|])] public static partial void M(ReadOnlySpan<float> x, Span<float> destination);
            }
            """, new[] { "needs the backward shape", "'M' is not a backward method" }, "CS8795"),
        new("FromOutput on the fused shape", "AGEN0015", """
            public static partial class C
            {
                [Relu([|FromOutput = true|])]
                public static partial void M(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);
            }
            """, new[] { "needs the backward shape", "void M(ReadOnlySpan<T> y, ReadOnlySpan<T> gradOutput, Span<T> gradInput)" }, "CS8795"),

        // AGEN0012
        new("method in an interface", "AGEN0012", """
            public partial interface I
            {
                [Relu] public static partial double [|M|](double x);
            }
            """, new[] { "'M'", "interface 'I'", "partial class, struct or record" }, "CS8795"),
        new("method in a file-local type", "AGEN0012", """
            file static partial class C
            {
                [Relu] public static partial double [|M|](double x);
            }
            """, new[] { "'M'", "file-local type 'C'", "not file-local" }, "CS8795"),
    };

    public static TheoryData<string> CaseNames => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Reports_the_error_and_generates_nothing(string name) =>
        AssertSingleError(Cases.Single(c => c.Name == name));

    public static TheoryData<string, string, string, string> NonFiniteValues
    {
        get
        {
            var data = new TheoryData<string, string, string, string>();
            foreach (var (attribute, property) in new[]
            {
                ("Elu", "Alpha"), ("Sigmoid", "Offset"), ("SigmoidSum", "From"), ("SigmoidSum", "To"), ("SigmoidSum", "Scale"),
                ("LeakyRelu", "NegativeSlope"), ("Celu", "Alpha"), ("Silu", "Beta"), ("Softplus", "Beta"), ("HardTanh", "Min"), ("HardTanh", "Max"),
            })
            {
                data.Add(attribute, property, "double.NaN", "NaN");
                data.Add(attribute, property, "double.PositiveInfinity", "positive infinity");
                data.Add(attribute, property, "double.NegativeInfinity", "negative infinity");
                data.Add(attribute, property, "1.0 / 0.0", "positive infinity");
            }

            data.Add("Elu", "Alpha", "-1.0 / 0.0", "negative infinity");
            data.Add("Sigmoid", "Offset", "0.0 / 0.0", "NaN");
            data.Add("SigmoidSum", "Scale", "double.MaxValue * 2", "positive infinity");
            data.Add("SigmoidSum", "From", "float.NegativeInfinity", "negative infinity");
            return data;
        }
    }

    /// <summary>Located on the argument; From/To never also reported as From &gt; To.</summary>
    [Theory]
    [MemberData(nameof(NonFiniteValues))]
    public void Reports_a_non_finite_parameter(string attribute, string property, string value, string description) =>
        AssertSingleError(new Case(
            $"{property} = {value}",
            "AGEN0008",
            $$"""
            public static partial class C
            {
                [{{attribute}}([|{{property}} = {{value}}|])] public static partial double M(double x);
            }
            """,
            new[] { $"'{property}' is {description}", "give it a finite value" },
            "CS8795"));

    /// <summary>
    /// Without System.Runtime.Intrinsics (as on netstandard2.0 or .NET 8: no Vector512 or no Vector128.FusedMultiplyAdd)
    /// the generated kernels cannot compile, so the method is reported instead.
    /// </summary>
    [Fact]
    public void Reports_a_target_framework_without_the_simd_apis()
    {
        var references = Basic.Reference.Assemblies.Net100.References.All
            .Where(r => !string.Equals(r.FilePath, "System.Runtime.Intrinsics.dll", StringComparison.OrdinalIgnoreCase))
            .Cast<MetadataReference>()
            .ToList();
        Assert.Equal(Basic.Reference.Assemblies.Net100.References.All.Count() - 1, references.Count);

        AssertSingleError(
            new Case("no Vector512", "AGEN0011", """
                public static partial class C
                {
                    [Relu] public static partial double [|M|](double x);
                }
                """, new[] { "'M'", ".NET 9 or later", "Vector512" }, "CS8795"),
            "using ActivationGen;\n\nnamespace Test;\n\n",
            source => GeneratorHarness.CreateCompilation(source, references: references));
    }

    public static TheoryData<string, string> ValidShapes
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var t in new[] { "float", "double" })
            {
                data.Add($"[Sigmoid(Offset = -1.5)]", $"public static partial {t} M({t} x);");
                data.Add($"[SigmoidSum(Count = 7, From = -3, To = 3, Scale = 0.5)]", $"public static partial void M(ReadOnlySpan<{t}> x, Span<{t}> destination);");
                data.Add($"[Softplus(Derivative = true)]", $"public partial void M(Span<{t}> values);");
                data.Add($"[Relu]", $"internal static partial void M(ReadOnlySpan<{t}> x, ReadOnlySpan<{t}> gradOutput, Span<{t}> gradInput);");
                data.Add($"[Elu(Alpha = 0.25)]", $"private static partial void M(ReadOnlySpan<{t}> x, Span<{t}> destination, Span<{t}> derivative);");
                data.Add($"[Elu(Derivative = true)]", $"public static partial Vector128<{t}> M(Vector128<{t}> x);");
                data.Add($"[Sigmoid]", $"public partial Vector256<{t}> M(Vector256<{t}> x);");
                data.Add($"[SigmoidSum(Derivative = true)]", $"public static partial Vector512<{t}> M(Vector512<{t}> x);");
            }

            // Edge values that are accepted.
            data.Add("[SigmoidSum(Count = 10000)]", "public static partial double M(double x);");
            data.Add("[SigmoidSum(Count = 1)]", "public static partial float M(float x);");
            data.Add("[SigmoidSum(From = 2, To = 2)]", "public static partial double M(double x);");
            data.Add("[SigmoidSum(Count = 1, From = -2, To = -2)]", "public static partial double M(double x);");
            data.Add("[SigmoidSum(From = -1e300, To = 1e300, Scale = 0)]", "public static partial double M(double x);");
            data.Add("[Elu(Alpha = 0)]", "public static partial float M(float x);");
            data.Add("[Sigmoid(Offset = double.MaxValue)]", "public static partial double M(double x);");
            return data;
        }
    }

    /// <summary>
    /// The analyzer runs on the compilation that includes the generated code, as in a real build: it must not take
    /// ActivationGen's own implementation for a body the user wrote.
    /// </summary>
    [Theory]
    [MemberData(nameof(ValidShapes))]
    public void Accepts_a_valid_method(string attribute, string declaration)
    {
        var source = Markup.Usings + $$"""
            public partial class C
            {
                {{attribute}}
                {{declaration}}
            }
            """;
        var run = GeneratorHarness.Run(source);

        Assert.Empty(GeneratorHarness.AnalyzerDiagnostics(run.Output));
        Assert.Single(run.Sources, s => s.HintName.StartsWith("Test.C.M.", StringComparison.Ordinal));
        Assert.Empty(run.CompilerProblems);
    }

    /// <summary>An invalid method does not stop its valid neighbours, in the same type, from being generated.</summary>
    [Fact]
    public void Generates_the_valid_methods_next_to_an_invalid_one()
    {
        var (source, span) = Markup.Parse(Markup.Usings + """
            public static partial class C
            {
                [Relu] public static partial double Good(double x);
                [Elu([|Alpha = double.NaN|])] public static partial double Bad(double x);
                [Softplus] public static partial void AlsoGood(Span<float> values);
            }
            """);
        var run = GeneratorHarness.Run(source);

        var diagnostic = Assert.Single(GeneratorHarness.AnalyzerDiagnostics(run.Output));
        Assert.Equal(("AGEN0008", span), (diagnostic.Id, diagnostic.Location.SourceSpan));
        var methods = run.Sources.Select(s => s.HintName).Where(h => h.EndsWith(".Activation.g.cs", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "Test.C.AlsoGood.InPlaceSingle.Activation.g.cs", "Test.C.Good.ScalarDouble.Activation.g.cs" }, methods);
        Assert.Equal(new[] { "CS8795" }, run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id));
        Markup.AssertNoProblemInGeneratedCode(run);
    }

    private static Case Signature(string name, string declaration) => new(
        name,
        "AGEN0004",
        "public static partial class C\n{\n    [Relu] " + declaration + "\n}\n",
        new[]
        {
            "'M'", "use one of", "T M(T x)", "void M(ReadOnlySpan<T> x, Span<T> destination)", "void M(Span<T> values)",
            "void M(ReadOnlySpan<T> x, ReadOnlySpan<T> gradOutput, Span<T> gradInput)",
            "void M(ReadOnlySpan<T> x, Span<T> destination, Span<T> derivative)", "Vector128<T> M(Vector128<T> x)",
            "float or double", "no ref, out or in parameters",
        },
        "CS8795");

    private static Case Mixed(string name, string declaration) => new(
        name,
        "AGEN0005",
        "public static partial class C\n{\n    [Relu] " + declaration + "\n}\n",
        new[] { "'M'", "mixes float and double", "same element type" },
        "CS8795");

    private static Case Count(string name, string value) => new(
        name,
        "AGEN0009",
        "public static partial class C\n{\n    [SigmoidSum([|Count = " + value + "|])] public static partial double M(double x);\n}\n",
        new[] { "Count is " + value, "between 1 and 10000" },
        "CS8795");

    private static void AssertSingleError(Case c) => AssertSingleError(c, Markup.Usings, source => GeneratorHarness.CreateCompilation(source));

    private static void AssertSingleError(Case c, string header, Func<string, CSharpCompilation> compile)
    {
        var (source, span) = Markup.Parse(header + c.Source);
        var run = GeneratorHarness.Run(compile(source));

        var diagnostic = Assert.Single(GeneratorHarness.AnalyzerDiagnostics(run.Output));
        Assert.Equal(c.Id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("Input.cs", diagnostic.Location.SourceTree?.FilePath);
        Assert.Equal(source.Substring(span.Start, span.Length), diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(c.Words, word => Assert.Contains(word, message, StringComparison.Ordinal));

        Markup.AssertNothingGenerated(run);
        Assert.Equal(
            c.CompilerErrors.Order(StringComparer.Ordinal),
            run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).Order(StringComparer.Ordinal));
        Markup.AssertNoProblemInGeneratedCode(run);
    }
}

/// <summary>Test sources: the usual header, <c>[|…|]</c> location markers, and checks on what the generator wrote.</summary>
internal static class Markup
{
    public const string Usings = """
        using System;
        using System.Runtime.Intrinsics;
        using ActivationGen;

        namespace Test;


        """;

    private static readonly Lazy<string[]> PostInitializationFiles = new(() =>
        GeneratorHarness.Run("namespace Test;").Sources.Select(s => s.HintName).ToArray());

    /// <summary>The source without its markers, and the marked span.</summary>
    public static (string Source, TextSpan Span) Parse(string marked)
    {
        var start = marked.IndexOf("[|", StringComparison.Ordinal);
        var end = marked.IndexOf("|]", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "The case must mark the expected location with [|…|].");
        var source = marked.Remove(end, 2).Remove(start, 2);
        return (source, TextSpan.FromBounds(start, end - 2));
    }

    /// <summary>Only the attributes (post-initialization output): no method file, so no runtime helpers either.</summary>
    public static void AssertNothingGenerated(GeneratorRun run) =>
        Assert.Equal(PostInitializationFiles.Value, run.Sources.Select(s => s.HintName).ToArray());

    /// <summary>No compiler warning or error has its location in a file the generator wrote.</summary>
    public static void AssertNoProblemInGeneratedCode(GeneratorRun run)
    {
        var generated = run.Result.GeneratedTrees.ToHashSet();
        Assert.DoesNotContain(run.CompilerProblems, d => d.Location.SourceTree is { } tree && generated.Contains(tree));
    }
}
