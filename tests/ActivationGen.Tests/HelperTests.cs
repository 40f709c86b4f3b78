using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using ActivationGen.Emit;
using ActivationGen.Parsing;
using ActivationGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace ActivationGen.Tests;

/// <summary>
/// The helpers as the generator emits them: every helper file of src/ActivationGen.Runtime/Helpers is in the catalog with
/// its header, compiles with exactly the helpers its header requires, and requires nothing it does not use; the emitted
/// lines stay within 160 characters; a [Relu] span method brings few lines; and two assemblies that see each other's
/// internals each get their own helpers without a clash.
/// </summary>
public class HelperTests(ITestOutputHelper output)
{
    private const string HelperFile = "ActivationGen.Helpers.g.cs";
    private const string AttributesFile = "ActivationGen.Attributes.g.cs";

    /// <summary>ActivationGen.Fn, emitted with the attributes whatever the project uses.</summary>
    private const string FnFile = "ActivationGen.Fn.g.cs";

    private const string EmbeddedAttribute = """
        namespace Microsoft.CodeAnalysis
        {
            internal sealed partial class EmbeddedAttribute : global::System.Attribute
            {
            }
        }
        """;

    public static TheoryData<string> HelperNames => new(HelperCatalog.All.Keys.OrderBy(n => n, StringComparer.Ordinal));

    /// <summary>The embedded catalog is the folder of helper files, each with the header fields filled in.</summary>
    [Fact]
    public void Every_helper_file_is_in_the_catalog_with_its_header()
    {
        var files = Directory.GetFiles(HelpersFolder(), "*.cs").ToDictionary(f => Path.GetFileNameWithoutExtension(f), File.ReadAllText, StringComparer.Ordinal);

        Assert.Equal(files.Keys.OrderBy(n => n, StringComparer.Ordinal), HelperCatalog.All.Keys.OrderBy(n => n, StringComparer.Ordinal));
        foreach (var (name, text) in files)
        {
            var helper = HelperCatalog.Parse(name, text);
            Assert.Equal(helper.Members, HelperCatalog.All[name].Members);
            Assert.StartsWith($"// {name}: ", helper.Header[0], StringComparison.Ordinal);
            foreach (var field in HelperCatalog.HeaderFields)
            {
                Assert.True(
                    helper.Header.Any(line => Regex.IsMatch(line, $@"^// {field}:\s+\S")),
                    $"Helper {name}: the header has no '{field}:' with a value.");
            }

            Assert.All(helper.Requires, required => Assert.True(HelperCatalog.All.ContainsKey(required), $"Helper {name} requires '{required}', which is no helper."));
            Assert.NotEmpty(helper.Declares);
        }
    }

    /// <summary>A helper file whose header misses a field is refused, naming the field.</summary>
    [Fact]
    public void A_header_without_a_field_is_refused()
    {
        const string text = """
            // Broken: a helper without its valid range.
            //
            // Lanes:       double
            // Max error:   1 ULP
            // Requires:    none

            namespace ActivationGen.Generated;

            internal static partial class ActivationHelpers
            {
                public static double Broken(double x) => x;
            }
            """;

        var error = Assert.Throws<InvalidDataException>(() => HelperCatalog.Parse("Broken", text));
        Assert.Contains("Valid range", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The helpers file with one helper and what its header requires (nothing else) compiles without a diagnostic: a
    /// requirement missing from a header fails here.
    /// </summary>
    [Theory]
    [MemberData(nameof(HelperNames))]
    public void Each_helper_compiles_with_exactly_what_it_requires(string name)
    {
        var names = HelperCatalog.WithRequirements(new[] { name });
        var text = HelperSource.Emit(names);
        var compilation = CSharpCompilation.Create(
            "Helpers." + name,
            new[] { CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, path: HelperFile), CSharpSyntaxTree.ParseText(EmbeddedAttribute, GeneratorHarness.ParseOptions) },
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, $"{name} with {string.Join(", ", names)}:\n" + string.Join("\n", problems));
        AssertLinesFit(HelperFile, text);
    }

    /// <summary>Each helper a header requires is used: the helper's members name something the required one declares.</summary>
    [Theory]
    [MemberData(nameof(HelperNames))]
    public void Each_requirement_is_used(string name)
    {
        var helper = HelperCatalog.All[name];
        foreach (var required in helper.Requires)
        {
            var names = HelperCatalog.All[required].Declares;
            Assert.True(
                names.Any(declared => Regex.IsMatch(helper.Members, $@"\b{declared}\b")),
                $"Helper {name} requires {required} but uses none of {string.Join(", ", names)}.");
        }
    }

    /// <summary>The helpers a method gets are found in its text, whatever calls them: the kernel, the driver, the NaN rule.</summary>
    [Fact]
    public void The_helpers_of_a_method_are_those_its_code_calls()
    {
        Assert.Equal(new[] { "Exp", "ExpM1Reduced" }, HelperCatalog.WithRequirements(HelperCatalog.ReferencedBy("var t = ActivationHelpers.Exp(x, 0);")).ToArray());
        Assert.Equal(
            new[] { "Alignment", "Backward", "KeepNaN", "Operators", "SpanChecks" },
            HelperCatalog.WithRequirements(HelperCatalog.ReferencedBy("global::ActivationGen.Generated.ActivationHelpers.Backward<float, X>(x, g, d, \"g\", \"d\")")).ToArray());
        Assert.Empty(HelperCatalog.ReferencedBy("namespace Company.ActivationHelpers.Unknown { }"));
    }

    /// <summary>
    /// No generated line is longer than 160 characters (the attributes file aside): in every snapshot, and in a compilation
    /// with every attribute in every shape, for float and double, f and (where the shape takes it) f'.
    /// </summary>
    [Fact]
    public void No_generated_line_is_longer_than_160_characters()
    {
        foreach (var snapshot in Directory.GetFiles(Snapshot.SnapshotDirectory, "*" + Snapshot.VerifiedExtension))
        {
            if (!Path.GetFileName(snapshot).StartsWith("ActivationGen.Attributes", StringComparison.Ordinal))
            {
                AssertLinesFit(Path.GetFileName(snapshot), File.ReadAllText(snapshot));
            }
        }

        var run = GeneratorHarness.Run(EveryAttributeInEveryShape());
        Assert.Equal(new[] { "AGEN0019" }, run.Diagnostics.Select(d => d.Id)); // the definition uses Fn.Erf: float kernels in double lanes
        Assert.Empty(run.CompilerProblems);
        var sources = run.Sources.Where(s => s.HintName != AttributesFile).ToList();
        Assert.True(sources.Count > 200, $"{sources.Count} files");
        foreach (var source in sources)
        {
            AssertLinesFit(source.HintName, source.SourceText.ToString());
        }

        output.WriteLine($"{sources.Count} files, longest line {sources.Max(s => s.SourceText.ToString().Split('\n').Max(l => l.Length))} characters");
    }

    /// <summary>A project with one [Relu] span method gets at most 400 generated lines besides the attributes and Fn files.</summary>
    [Fact]
    public void A_Relu_span_method_brings_at_most_400_lines()
    {
        const string source = """
            using System;
            using ActivationGen;

            namespace Sample;

            public static partial class Activations
            {
                [Relu]
                public static partial void Apply(ReadOnlySpan<float> x, Span<float> destination);
            }
            """;
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.CompilerProblems);

        var files = run.Sources.Where(s => s.HintName != AttributesFile && s.HintName != FnFile).Select(s => (s.HintName, Lines: s.SourceText.ToString().TrimEnd('\n').Split('\n'))).ToList();
        foreach (var (hint, lines) in files)
        {
            output.WriteLine($"{hint}: {lines.Length} lines, longest {lines.Max(l => l.Length)} characters");
        }

        Assert.Equal(
            new[] { HelperFile, "Microsoft.CodeAnalysis.EmbeddedAttribute.cs", "Sample.Activations.Apply.SpanSingle.Activation.g.cs" },
            files.Select(f => f.HintName).Order(StringComparer.Ordinal));
        Assert.True(files.Sum(f => f.Lines.Length) <= 400, $"{files.Sum(f => f.Lines.Length)} lines");
        Assert.Contains("(only those: Alignment, Map, Operators, Scalar, SpanChecks)", run.Sources.Single(s => s.HintName == HelperFile).SourceText.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Two assemblies that both use the generator, the second seeing the first's internals: each has its own helpers
    /// (marked [Embedded], so the first's are invisible to the second), and the second compiles with no error or warning
    /// and calls the first's generated methods.
    /// </summary>
    [Fact]
    public void Assemblies_that_see_each_others_internals_do_not_clash()
    {
        const string first = """
            using System;
            using ActivationGen;

            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Second")]

            namespace First;

            internal static partial class Acts
            {
                [Relu]
                internal static partial void Rectify(ReadOnlySpan<float> x, Span<float> destination);

                [Mish]
                internal static partial void Smooth(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);
            }
            """;
        const string second = """
            using System;
            using ActivationGen;

            namespace Second;

            public static partial class Acts
            {
                [Relu]
                internal static partial void Rectify(ReadOnlySpan<float> x, Span<float> destination);

                [Sigmoid]
                internal static partial double Squash(double x);

                public static float Both(float value)
                {
                    Span<float> y = stackalloc float[1];
                    Span<float> d = stackalloc float[1];
                    First.Acts.Smooth(new[] { value }, y, d);
                    Rectify(y, y);
                    return y[0] + (float)Squash(0);
                }
            }
            """;

        var firstRun = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(first, "First"));
        Assert.Empty(firstRun.CompilerProblems);
        using var image = new MemoryStream();
        Assert.True(firstRun.Output.Emit(image).Success);
        var reference = MetadataReference.CreateFromImage(image.ToArray());

        var secondInput = GeneratorHarness.CreateCompilation(second, "Second", Basic.Reference.Assemblies.Net100.References.All.Append(reference));
        var secondRun = GeneratorHarness.Run(secondInput);
        Assert.Empty(secondRun.Diagnostics);
        Assert.Empty(secondRun.CompilerProblems);
        Assert.Contains(secondRun.Sources, s => s.HintName == HelperFile);
    }

    /// <summary>
    /// Types of the user's named like what the operators and helpers use — in the global namespace, in ActivationGen, by a
    /// global using — capture nothing: the generated files import their namespaces inside ActivationGen.Generated.
    /// </summary>
    [Fact]
    public void Types_of_the_users_named_like_the_helpers_names_capture_nothing()
    {
        const string source = """
            global using System.Numerics;
            global using static System.Math;
            using System;
            using ActivationGen;

            public sealed class Vector128 { }
            public sealed class Vector256<T> { }
            public static class Vector512 { public static int Create(double x) => 0; }
            public sealed class Unsafe { }
            public sealed class MemoryMarshal { }
            public sealed class MethodImplAttribute : Attribute { }
            public sealed class MethodImplOptions { }
            public sealed class ActivationHelpers { }
            public sealed class ArgumentException { }

            namespace ActivationGen
            {
                public sealed class Vector128<T> { }
                public sealed class KeepNaN { }
            }

            namespace Sample
            {
                public static partial class Acts
                {
                    [Relu] public static partial void Rectify(ReadOnlySpan<float> x, Span<float> destination);
                    [Mish] public static partial void Smooth(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);
                    [Sigmoid(Offset = 2)] public static partial void Back(ReadOnlySpan<double> x, ReadOnlySpan<double> g, Span<double> d);
                    [Gelu] public static partial float Scalar(float x);
                    [Tanh] public static partial System.Runtime.Intrinsics.Vector512<double> Wide(System.Runtime.Intrinsics.Vector512<double> x);
                }
            }
            """;

        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.Diagnostics);
        Assert.True(run.CompilerProblems.Count == 0, string.Join("\n", run.CompilerProblems));
    }

    private static void AssertLinesFit(string name, string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var longest = lines.Select((line, index) => (line, index)).MaxBy(l => l.line.Length);
        Assert.True(
            longest.line.Length <= CodeWriter.MaxLineLength,
            $"{name}, line {longest.index + 1}: {longest.line.Length} characters:\n{longest.line}");
    }

    /// <summary>One method per attribute, shape and element type, f; and f' in the span shape.</summary>
    private static string EveryAttributeInEveryShape()
    {
        var text = new StringBuilder("using System;\nusing System.Runtime.Intrinsics;\nusing ActivationGen;\n\nnamespace Sample;\n\npublic static partial class Everything\n{\n");
        foreach (var metadataName in MethodParser.AttributeMetadataNames)
        {
            var attribute = metadataName.Substring(metadataName.LastIndexOf('.') + 1).Replace("Attribute", string.Empty, StringComparison.Ordinal);
            var slope = attribute + "(Derivative = true)";
            if (attribute == "Activation")
            {
                // [Activation] names a definition: one that uses σ, tanh, log1p, expm1 and erf.
                text.Append("    public static double Definition(double x) => x * Fn.Sigmoid(x) + Math.Tanh(x) * Math.Log(1 + x * x) + double.ExpM1(-x * x) * Fn.Erf(x);\n");
                (attribute, slope) = ("Activation(nameof(Definition))", "Activation(nameof(Definition), Derivative = true)");
            }

            foreach (var t in new[] { "float", "double" })
            {
                var shapes = new (string Shape, string Declaration)[]
                {
                    ("Scalar", $"{t} {{0}}({t} x)"),
                    ("Span", $"void {{0}}(ReadOnlySpan<{t}> x, Span<{t}> destination)"),
                    ("InPlace", $"void {{0}}(Span<{t}> values)"),
                    ("Backward", $"void {{0}}(ReadOnlySpan<{t}> x, ReadOnlySpan<{t}> gradOutput, Span<{t}> gradInput)"),
                    ("Fused", $"void {{0}}(ReadOnlySpan<{t}> x, Span<{t}> destination, Span<{t}> derivative)"),
                    ("Vector128", $"Vector128<{t}> {{0}}(Vector128<{t}> x)"),
                    ("Vector256", $"Vector256<{t}> {{0}}(Vector256<{t}> x)"),
                    ("Vector512", $"Vector512<{t}> {{0}}(Vector512<{t}> x)"),
                };
                foreach (var (shape, declaration) in shapes)
                {
                    var name = $"{attribute.Split('(')[0]}{shape}{(t == "float" ? "Single" : "Double")}";
                    text.Append(System.Globalization.CultureInfo.InvariantCulture, $"    [{attribute}] public static partial {string.Format(System.Globalization.CultureInfo.InvariantCulture, declaration, name)};\n");
                }

                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"    [{slope}] public static partial {string.Format(System.Globalization.CultureInfo.InvariantCulture, shapes[1].Declaration, attribute.Split('(')[0] + "Slope" + t)};\n");
            }
        }

        return text.Append("}\n").ToString();
    }

    private static string HelpersFolder([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "src", "ActivationGen.Runtime", "Helpers"));
}
