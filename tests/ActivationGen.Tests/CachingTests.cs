using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using ActivationGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ActivationGen.Tests;

/// <summary>
/// Incrementality: the driver runs on a baseline compilation, then again on an edited one, and the tracked steps of
/// <see cref="ActivationGenerator.TrackingNames"/> and the source outputs must report the reasons a correct, value-equal,
/// Roslyn-free model gives. Every run also walks the tracked outputs for Roslyn objects.
/// </summary>
/// <remarks>
/// How the steps look (Roslyn 4.14): the pipeline has one <c>ForAttributeWithMetadataName</c> branch per attribute, and
/// every branch names its steps with the same tracking names, so <c>TrackedSteps["Methods"]</c> holds one step per
/// (attribute, syntax tree) pair that has matches, each step with one output per annotated method of that attribute in
/// that tree, in source order. <c>Implementations</c> has one step per method; <c>Helpers</c> one step (the sorted set of
/// helpers all methods use). The source output has one step per generated method file plus one for the helpers file. A
/// method is identified here by its model's <c>HintName</c>.
/// </remarks>
public class CachingTests
{
    private const string LayersPath = "Layers.cs";
    private const string HeadsPath = "Heads.cs";
    private const string UnrelatedPath = "Input.cs";
    private const string HelperFile = "ActivationGen.Helpers.g.cs";

    private const string LayersSource = """
        using System;
        using System.Runtime.Intrinsics;
        using ActivationGen;

        namespace Net.Layers;

        public partial class Layer
        {
            [Sigmoid(Offset = 1.5)]
            internal static partial double Gate(double x);

            [Softplus]
            public partial void SmoothInPlace(Span<double> values);

            [Elu(Alpha = 1)]
            public static partial void EluForward(ReadOnlySpan<float> x, Span<float> destination);

            [Elu(Alpha = 2, Derivative = true)]
            public static partial Vector256<double> EluSlope(Vector256<double> x);

            public int Width => 3;
        }
        """;

    private const string HeadsSource = """
        using System;
        using ActivationGen;

        namespace Net.Heads;

        public partial struct Head
        {
            [SigmoidSum(Count = 5, From = -1, To = 1, Scale = 0.5)]
            public static partial float Staircase(float x);

            public partial class Inner
            {
                [Relu]
                public static partial void ReluBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput);
            }

            [Elu]
            internal static partial void EluFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);
        }
        """;

    private const string UnrelatedSource = """
        namespace Net.Other;

        public static class Helpers
        {
            public static int Twice(int value) => value * 2;
        }
        """;

    private const string Gate = "Net.Layers.Layer.Gate.ScalarDouble.Activation.g.cs";
    private const string SmoothInPlace = "Net.Layers.Layer.SmoothInPlace.InPlaceDouble.Activation.g.cs";
    private const string EluForward = "Net.Layers.Layer.EluForward.SpanSingle.Activation.g.cs";
    private const string EluSlope = "Net.Layers.Layer.EluSlope.VectorDouble256.Activation.g.cs";
    private const string Staircase = "Net.Heads.Head.Staircase.ScalarSingle.Activation.g.cs";
    private const string ReluBackward = "Net.Heads.Head.Inner.ReluBackward.BackwardDouble.Activation.g.cs";
    private const string EluFused = "Net.Heads.Head.EluFused.FusedSingle.Activation.g.cs";

    private static readonly string[] BaselineMethods = { Gate, SmoothInPlace, EluForward, EluSlope, Staircase, ReluBackward, EluFused };

    private static readonly IncrementalStepRunReason[] CachedOrUnchanged = { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged };

    /// <summary>Every tracking name the generator declares, read by reflection so a name added later is covered too.</summary>
    private static readonly string[] TrackingNames = typeof(ActivationGenerator.TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    /// <summary>The steps that carry one output per method (as opposed to collected or aggregated steps).</summary>
    private static readonly string[] PerMethodSteps = { ActivationGenerator.TrackingNames.Methods, ActivationGenerator.TrackingNames.Implementations };

    [Fact]
    public void Baseline_generates_every_method_and_compiles()
    {
        var run = GeneratorHarness.Run(Baseline());

        Assert.Empty(run.CompilerProblems);
        Assert.Equal(BaselineMethods.OrderBy(n => n, StringComparer.Ordinal), MethodSources(run.Result).Keys.OrderBy(n => n, StringComparer.Ordinal));
        Assert.Contains(run.Sources, s => s.HintName == HelperFile);

        var first = run.Result.Results[0];
        Assert.All(TrackingNames, name => Assert.True(first.TrackedSteps.ContainsKey(name), $"No tracked step is named '{name}'."));
        Assert.Equal(BaselineMethods.OrderBy(n => n, StringComparer.Ordinal), MethodOutputs(run.Result, ActivationGenerator.TrackingNames.Methods).Select(o => o.HintName).OrderBy(n => n, StringComparer.Ordinal));
        Assert.All(AllOutputs(run.Result), o => Assert.Equal(IncrementalStepRunReason.New, o.Reason));
        AssertNoRoslynObjects(run.Result);
    }

    [Fact]
    public void Adding_an_unrelated_class_keeps_everything_cached()
    {
        var baseline = Baseline();
        var edited = baseline.AddSyntaxTrees(Tree("namespace Net.Other; internal sealed class Unrelated { public string Name { get; } = \"x\"; }", "Unrelated.cs"));

        AssertEverythingCached(baseline, edited);
    }

    [Fact]
    public void Changing_an_unrelated_method_body_keeps_everything_cached()
    {
        var baseline = Baseline();
        var edited = Replace(baseline, UnrelatedPath, UnrelatedSource.Replace("value * 2", "value + value + 0"));

        AssertEverythingCached(baseline, edited);
    }

    [Fact]
    public void Changing_a_member_without_attributes_in_the_annotated_type_keeps_everything_cached()
    {
        var baseline = Baseline();
        var edited = Replace(baseline, LayersPath, LayersSource.Replace("public int Width => 3;", "public int Width => 4 + 1;"));

        AssertEverythingCached(baseline, edited);
    }

    [Theory]
    [InlineData("public partial class Layer\n{", "public partial class Layer\n{\n    // a comment before the first method")]
    [InlineData("[Elu(Alpha = 1)]", "/* a comment that shifts every location */ [Elu(Alpha = 1)]")]
    [InlineData("namespace Net.Layers;", "// a comment on top\n\n\nnamespace Net.Layers;")]
    public void Adding_a_comment_in_the_annotated_file_keeps_everything_cached(string find, string replacement)
    {
        var baseline = Baseline();
        var text = LayersSource.Replace("\r\n", "\n");
        Assert.Contains(find, text);
        var edited = Replace(baseline, LayersPath, text.Replace(find, replacement));

        AssertEverythingCached(baseline, edited);
    }

    [Fact]
    public void Rerunning_on_an_identical_clone_keeps_everything_cached()
    {
        var baseline = Baseline();

        AssertEverythingCached(baseline, baseline.Clone());
    }

    [Fact]
    public void Changing_Alpha_modifies_only_that_method()
    {
        var baseline = Baseline();
        Assert.Single(AllIndexesOf(LayersSource, "[Elu(Alpha = 1)]"));
        var edited = Replace(baseline, LayersPath, LayersSource.Replace("[Elu(Alpha = 1)]", "[Elu(Alpha = 0.5)]"));

        var (first, second) = RunTwice(baseline, edited);

        foreach (var name in PerMethodSteps)
        {
            var outputs = MethodOutputs(second, name);
            Assert.Equal(BaselineMethods.OrderBy(n => n, StringComparer.Ordinal), outputs.Select(o => o.HintName).OrderBy(n => n, StringComparer.Ordinal));
            Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(outputs, o => o.HintName == EluForward).Reason);
            Assert.All(outputs.Where(o => o.HintName != EluForward), o => Assert.Contains(o.Reason, CachedOrUnchanged));
        }

        AssertOnlyAggregatesOfTheSameAttribute(second, EluForward);
        AssertSourceOutputs(second, (EluForward, IncrementalStepRunReason.Modified));

        var before = MethodSources(first);
        var after = MethodSources(second);
        Assert.Equal(before.Keys.OrderBy(k => k, StringComparer.Ordinal), after.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(new[] { EluForward }, before.Keys.Where(k => before[k] != after[k]));
        Assert.Contains("ELU with Alpha = 1:", before[EluForward], StringComparison.Ordinal);
        Assert.DoesNotContain("0.5", before[EluForward], StringComparison.Ordinal);
        Assert.Contains("ELU with Alpha = 0.5:", after[EluForward], StringComparison.Ordinal);
        Assert.Contains("Create(0.5f)", after[EluForward], StringComparison.Ordinal);
        Assert.Equal(HelperText(first), HelperText(second));
    }

    private const string CatalogSource = """
        using System;
        using ActivationGen;

        namespace Net.Catalog;

        public static partial class Acts
        {
            [HardTanh(Min = 0, Max = 6)]
            public static partial void Relu6(ReadOnlySpan<float> x, Span<float> destination);

            [LeakyRelu(NegativeSlope = 0.2, FromOutput = true)]
            public static partial void LeakyBackward(ReadOnlySpan<double> y, ReadOnlySpan<double> gradOutput, Span<double> gradInput);

            [Relu]
            public static partial void ReluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

            [Softsign]
            public static partial float Softsign(float x);

            [Elu(Alpha = 0.0)]
            public static partial double EluFlat(double x);
        }
        """;

    /// <summary>
    /// A catalog parameter, or FromOutput, is part of the method's model: editing it regenerates that method only. Zeros
    /// compare by their bits: Alpha = -0.0 makes ELU's negative branch -0·(e^x - 1) = +0, not -0 as with 0.0.
    /// </summary>
    [Theory]
    [InlineData("Alpha = 0.0", "Alpha = -0.0", "Net.Catalog.Acts.EluFlat.ScalarDouble.Activation.g.cs")]
    [InlineData("Max = 6", "Max = 5", "Net.Catalog.Acts.Relu6.SpanSingle.Activation.g.cs")]
    [InlineData("NegativeSlope = 0.2", "NegativeSlope = 0.3", "Net.Catalog.Acts.LeakyBackward.BackwardDouble.Activation.g.cs")]
    [InlineData("[Relu]", "[Relu(FromOutput = true)]", "Net.Catalog.Acts.ReluBackward.BackwardSingle.Activation.g.cs")]
    public void Changing_a_catalog_parameter_modifies_only_that_method(string before, string after, string changed)
    {
        const string CatalogPath = "Catalog.cs";
        Assert.Single(AllIndexesOf(CatalogSource, before));
        var first = Baseline().AddSyntaxTrees(Tree(CatalogSource, CatalogPath));
        var second = Replace(first, CatalogPath, CatalogSource.Replace(before, after, StringComparison.Ordinal));

        var driver = GeneratorHarness.CreateDriver().RunGenerators(first);
        var firstResult = driver.GetRunResult();
        var secondResult = driver.RunGenerators(second).GetRunResult();
        Assert.All(new[] { firstResult, secondResult }, r => Assert.Null(Assert.Single(r.Results).Exception));

        AssertSourceOutputs(secondResult, (changed, IncrementalStepRunReason.Modified));
        AssertOtherSourcesIdentical(firstResult, secondResult, changed);
        Assert.NotEqual(MethodSources(firstResult)[changed], MethodSources(secondResult)[changed]);
    }

    private const string DefinitionsSource = """
        using System;
        using ActivationGen;

        namespace Net.Custom;

        public static partial class Defs
        {
            public static double Swish(double x) => x * Fn.Sigmoid(1.5 * x);

            public static double Squareplus(double x) => 0.5 * (x + Math.Sqrt(x * x + 4));

            [Activation(nameof(Swish))]
            public static partial void SwishForward(ReadOnlySpan<float> x, Span<float> destination);

            [Activation(nameof(Swish), Derivative = true)]
            public static partial double SwishSlope(double x);

            [Activation(nameof(Squareplus))]
            public static partial void SquareplusForward(ReadOnlySpan<float> x, Span<float> destination);
        }
        """;

    /// <summary>
    /// An [Activation] definition is part of the model of every method that uses it: editing its body regenerates those
    /// methods and no other (CUSTOM.md: "Editing a definition regenerates the kernels that use it, and only those").
    /// </summary>
    [Fact]
    public void Editing_a_definition_modifies_only_the_methods_that_use_it()
    {
        const string DefinitionsPath = "Defs.cs";
        var first = Baseline().AddSyntaxTrees(Tree(DefinitionsSource, DefinitionsPath));
        var second = Replace(first, DefinitionsPath, DefinitionsSource.Replace("Fn.Sigmoid(1.5 * x)", "Fn.Sigmoid(1.702 * x)", StringComparison.Ordinal));

        var driver = GeneratorHarness.CreateDriver().RunGenerators(first);
        var firstResult = driver.GetRunResult();
        var secondResult = driver.RunGenerators(second).GetRunResult();
        Assert.All(new[] { firstResult, secondResult }, r => Assert.Null(Assert.Single(r.Results).Exception));

        const string Forward = "Net.Custom.Defs.SwishForward.SpanSingle.Activation.g.cs";
        const string Slope = "Net.Custom.Defs.SwishSlope.ScalarDouble.Activation.g.cs";
        AssertSourceOutputs(secondResult, (Forward, IncrementalStepRunReason.Modified), (Slope, IncrementalStepRunReason.Modified));
        var before = MethodSources(firstResult);
        var after = MethodSources(secondResult);
        Assert.Equal(new[] { Forward, Slope }, before.Keys.Where(k => before[k] != after[k]).Order(StringComparer.Ordinal));
        Assert.Contains("1.702", after[Forward], StringComparison.Ordinal);
        Assert.DoesNotContain("1.702", before[Forward], StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_an_annotated_method_is_new_and_leaves_the_others_cached()
    {
        const string added = "Net.Layers.Layer.EluExtra.ScalarDouble.Activation.g.cs";
        var baseline = Baseline();
        var edited = Replace(baseline, LayersPath, LayersSource.Replace(
            "    public int Width => 3;",
            "    [Elu(Alpha = 3)]\n    public static partial double EluExtra(double x);\n\n    public int Width => 3;"));

        var (first, second) = RunTwice(baseline, edited);

        AssertOneMethodChanged(second, added, IncrementalStepRunReason.New, BaselineMethods.Append(added));
        AssertOnlyAggregatesOfTheSameAttribute(second, added);
        AssertSourceOutputs(second, (added, IncrementalStepRunReason.New));
        AssertOtherSourcesIdentical(first, second, added);
        Assert.Contains("Create(3.0)", MethodSources(second)[added], StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_an_annotated_method_in_a_new_file_is_new_and_leaves_the_others_cached()
    {
        const string added = "Net.Heads.Head.Rectify.ScalarSingle.Activation.g.cs";
        var baseline = Baseline();
        var edited = baseline.AddSyntaxTrees(Tree(
            "using ActivationGen;\nnamespace Net.Heads;\npublic partial struct Head\n{\n    [Relu] public static partial float Rectify(float x);\n}\n",
            "Head.Relu.cs"));

        var (first, second) = RunTwice(baseline, edited);

        AssertOneMethodChanged(second, added, IncrementalStepRunReason.New, BaselineMethods.Append(added));
        AssertOnlyAggregatesOfTheSameAttribute(second, added);
        AssertSourceOutputs(second, (added, IncrementalStepRunReason.New));
        AssertOtherSourcesIdentical(first, second, added);
    }

    [Fact]
    public void Removing_an_annotated_method_is_removed_and_leaves_the_others_cached()
    {
        var baseline = Baseline();
        const string removedDeclaration = "\n    [Elu(Alpha = 2, Derivative = true)]\n    public static partial Vector256<double> EluSlope(Vector256<double> x);\n";
        var text = LayersSource.Replace("\r\n", "\n");
        Assert.Contains(removedDeclaration, text);
        var edited = Replace(baseline, LayersPath, text.Replace(removedDeclaration, string.Empty));

        var (first, second) = RunTwice(baseline, edited);

        AssertOneMethodChanged(second, EluSlope, IncrementalStepRunReason.Removed, BaselineMethods);
        AssertOnlyAggregatesOfTheSameAttribute(second, EluSlope);
        AssertSourceOutputs(second, (EluSlope, IncrementalStepRunReason.Removed));
        Assert.DoesNotContain(EluSlope, MethodSources(second).Keys);
        AssertOtherSourcesIdentical(first, second, EluSlope);
    }

    [Fact]
    public void Removing_every_annotated_method_drops_the_helpers()
    {
        var baseline = Baseline();
        var edited = baseline
            .RemoveSyntaxTrees(baseline.SyntaxTrees.Where(t => t.FilePath is LayersPath or HeadsPath))
            .AddSyntaxTrees(Tree("namespace Net.Layers; public partial class Layer { }", LayersPath));

        var (_, second) = RunTwice(baseline, edited);

        var helpers = HelpersStep(second);
        Assert.Equal(IncrementalStepRunReason.Modified, helpers.Reason);
        Assert.Empty(helpers.Names);
        Assert.DoesNotContain(second.Results[0].GeneratedSources, s => s.HintName.EndsWith(".Activation.g.cs", StringComparison.Ordinal) || s.HintName == HelperFile);
    }

    private const string OneReluSource = """
        using System;
        using ActivationGen;

        namespace Net.Small;

        public static partial class Acts
        {
            [Relu]
            public static partial void Rectify(ReadOnlySpan<float> x, Span<float> destination);
        }
        """;

    /// <summary>A second method that needs no helper the first does not already need leaves the helpers file as it is.</summary>
    [Fact]
    public void Adding_a_method_that_needs_no_new_helper_does_not_rewrite_the_helpers_file()
    {
        const string SmallPath = "Small.cs";
        var first = GeneratorHarness.CreateCompilation(UnrelatedSource).AddSyntaxTrees(Tree(OneReluSource, SmallPath));
        var second = Replace(first, SmallPath, OneReluSource.Replace(
            "Span<float> destination);",
            "Span<float> destination);\n\n    [Relu]\n    public static partial void Other(ReadOnlySpan<float> values, Span<float> output);",
            StringComparison.Ordinal));

        var driver = GeneratorHarness.CreateDriver().RunGenerators(first);
        var firstResult = driver.GetRunResult();
        var secondResult = driver.RunGenerators(second).GetRunResult();

        Assert.Equal(2, MethodSources(secondResult).Count);
        Assert.Contains(HelpersStep(secondResult).Reason, CachedOrUnchanged);
        Assert.Contains(SourceOutputs(secondResult), o => o.HintName == HelperFile && CachedOrUnchanged.Contains(o.Reason));
        Assert.Contains(SourceOutputs(secondResult), o => o.HintName == "Net.Small.Acts.Other.SpanSingle.Activation.g.cs" && o.Reason == IncrementalStepRunReason.New);
        Assert.Equal(HelperText(firstResult), HelperText(secondResult));
    }

    /// <summary>A method that needs a helper not yet emitted rewrites the helpers file, which then has it.</summary>
    [Fact]
    public void Adding_a_method_that_needs_a_new_helper_rewrites_the_helpers_file()
    {
        const string SmallPath = "Small.cs";
        var first = GeneratorHarness.CreateCompilation(UnrelatedSource).AddSyntaxTrees(Tree(OneReluSource, SmallPath));
        var second = Replace(first, SmallPath, OneReluSource.Replace(
            "    [Relu]\n",
            "    [Mish]\n    public static partial void Smooth(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);\n\n    [Relu]\n",
            StringComparison.Ordinal));

        var driver = GeneratorHarness.CreateDriver().RunGenerators(first);
        var firstResult = driver.GetRunResult();
        var secondResult = driver.RunGenerators(second).GetRunResult();

        var helpers = HelpersStep(secondResult);
        Assert.Equal(IncrementalStepRunReason.Modified, helpers.Reason);
        Assert.Contains(SourceOutputs(secondResult), o => o.HintName == HelperFile && o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(new[] { "Alignment", "Map", "Operators", "Scalar", "SpanChecks" }, HelpersStep(firstResult).Names);
        Assert.Contains("Fused", helpers.Names);
        Assert.Contains("KeepNaN", helpers.Names);
        Assert.DoesNotContain("public static void Fused<T, TOperator>(", HelperText(firstResult), StringComparison.Ordinal);
        Assert.Contains("public static void Fused<T, TOperator>(", HelperText(secondResult), StringComparison.Ordinal);
    }

    [Fact]
    public void The_Roslyn_object_walk_finds_what_it_must_find()
    {
        var tree = CSharpSyntaxTree.ParseText("class C { }");
        var compilation = CSharpCompilation.Create("Walk", new[] { tree });

        Assert.NotEmpty(RoslynObjects.Find(tree, "tree"));
        Assert.NotEmpty(RoslynObjects.Find(tree.GetRoot().GetLocation(), "location"));
        Assert.NotEmpty(RoslynObjects.Find(compilation.GetTypeByMetadataName("C")!, "symbol"));
        Assert.NotEmpty(RoslynObjects.Find((1, "two", new List<object> { new[] { (object)3.0, ImmutableArray.Create<object>(tree.GetRoot()) } }), "nested"));
        Assert.NotEmpty(RoslynObjects.Find(new Holder(null, "x"), "declared type"));
        Assert.NotEmpty(RoslynObjects.Find(new KeyValuePair<string, object>("k", compilation), "pair"));

        var cycle = new List<object> { "a" };
        cycle.Add(cycle);
        Assert.Empty(RoslynObjects.Find(cycle, "cycle"));
        Assert.Empty(RoslynObjects.Find((1, "two", new[] { 3.0 }, ImmutableArray.Create(4L)), "plain"));
    }

    private static CSharpCompilation Baseline() =>
        GeneratorHarness.CreateCompilation(UnrelatedSource)
            .AddSyntaxTrees(Tree(LayersSource, LayersPath), Tree(HeadsSource, HeadsPath));

    private static SyntaxTree Tree(string text, string path) => CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, path: path);

    private static CSharpCompilation Replace(CSharpCompilation compilation, string path, string text) =>
        compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(t => t.FilePath == path), Tree(text, path));

    private static IEnumerable<int> AllIndexesOf(string text, string value)
    {
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            yield return i;
        }
    }

    /// <summary>Runs one driver on <paramref name="first"/> and then on <paramref name="second"/>, as an IDE does between edits.</summary>
    private static (GeneratorDriverRunResult First, GeneratorDriverRunResult Second) RunTwice(Compilation first, Compilation second)
    {
        var driver = GeneratorHarness.CreateDriver().RunGenerators(first);
        var firstResult = driver.GetRunResult();
        driver = driver.RunGenerators(second);
        var secondResult = driver.GetRunResult();

        foreach (var result in new[] { firstResult, secondResult })
        {
            var single = Assert.Single(result.Results);
            Assert.Null(single.Exception);
            Assert.Empty(single.Diagnostics);
            AssertNoRoslynObjects(result);
        }

        Assert.Equal(BaselineMethods.OrderBy(n => n, StringComparer.Ordinal), MethodSources(firstResult).Keys.OrderBy(n => n, StringComparer.Ordinal));
        return (firstResult, secondResult);
    }

    /// <summary>
    /// After an edit that changes nothing the generator reads: every tracked output is Cached or Unchanged, every
    /// source output is Cached or Unchanged, and the generated text is the same.
    /// </summary>
    private static void AssertEverythingCached(Compilation baseline, Compilation edited)
    {
        var (first, second) = RunTwice(baseline, edited);
        var steps = second.Results[0].TrackedSteps;

        foreach (var name in TrackingNames)
        {
            Assert.True(steps.TryGetValue(name, out var named) && !named.IsEmpty, $"No tracked step is named '{name}'.");
            Assert.All(
                named.SelectMany(s => s.Outputs),
                o => Assert.True(CachedOrUnchanged.Contains(o.Reason), $"Step '{name}' output is {o.Reason}: {o.Value}"));
        }

        // The compilation changed, so every ForAttributeWithMetadataName transform ran again and produced new model
        // objects; only value equality of the model turns them into Unchanged. A model that compares by reference
        // (a class without Equals, an ImmutableArray, a List) would report Modified here.
        var methods = MethodOutputs(second, ActivationGenerator.TrackingNames.Methods);
        Assert.Equal(BaselineMethods.OrderBy(n => n, StringComparer.Ordinal), methods.Select(o => o.HintName).OrderBy(n => n, StringComparer.Ordinal));
        Assert.All(methods, o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));

        var outputs = SourceOutputs(second);
        Assert.Equal(BaselineMethods.Length + 1, outputs.Count);
        Assert.All(outputs, o => Assert.True(CachedOrUnchanged.Contains(o.Reason), $"Source output {o.HintName} is {o.Reason}."));

        Assert.Equal(
            first.Results[0].GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())),
            second.Results[0].GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    /// <summary>In the per-method steps, <paramref name="changed"/> has <paramref name="reason"/> and every other method is Cached or Unchanged.</summary>
    private static void AssertOneMethodChanged(GeneratorDriverRunResult result, string changed, IncrementalStepRunReason reason, IEnumerable<string> expectedMethods)
    {
        foreach (var name in PerMethodSteps)
        {
            var outputs = MethodOutputs(result, name);
            Assert.Equal(expectedMethods.OrderBy(n => n, StringComparer.Ordinal), outputs.Select(o => o.HintName).OrderBy(n => n, StringComparer.Ordinal));
            Assert.Equal(reason, Assert.Single(outputs, o => o.HintName == changed).Reason);
            Assert.All(outputs.Where(o => o.HintName != changed), o => Assert.True(CachedOrUnchanged.Contains(o.Reason), $"Step '{name}': {o.HintName} is {o.Reason}."));
        }
    }

    /// <summary>
    /// In the steps that are not per method (collected, aggregated), an output may be Modified only when it collects the
    /// methods of the attribute that <paramref name="changed"/> carries; everything else is Cached or Unchanged, and
    /// the set of helpers in use does not change.
    /// </summary>
    private static void AssertOnlyAggregatesOfTheSameAttribute(GeneratorDriverRunResult result, string changed)
    {
        var changedModel = result.Results[0].TrackedSteps[ActivationGenerator.TrackingNames.Methods]
            .SelectMany(s => s.Outputs)
            .Single(o => HintNameOf(o.Value) == changed).Value;
        var kind = KindOf(changedModel);

        foreach (var name in TrackingNames.Except(PerMethodSteps))
        {
            var outputs = result.Results[0].TrackedSteps[name].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            foreach (var (value, reason) in outputs)
            {
                if (!CachedOrUnchanged.Contains(reason))
                {
                    Assert.True(reason == IncrementalStepRunReason.Modified && ModelsIn(value).Any(m => KindOf(m) == kind), $"Step '{name}' output is {reason}: {value}");
                }
            }
        }

        var helpers = HelpersStep(result);
        Assert.True(CachedOrUnchanged.Contains(helpers.Reason), $"Helpers is {helpers.Reason}.");
        Assert.NotEmpty(helpers.Names);
    }

    /// <summary>Exactly the listed source outputs have the listed reasons; all the others are Cached or Unchanged.</summary>
    private static void AssertSourceOutputs(GeneratorDriverRunResult result, params (string HintName, IncrementalStepRunReason Reason)[] expected)
    {
        var outputs = SourceOutputs(result);
        Assert.Equal(
            expected.OrderBy(e => e.HintName, StringComparer.Ordinal),
            outputs.Where(o => !CachedOrUnchanged.Contains(o.Reason)).Select(o => (o.HintName, o.Reason)).OrderBy(e => e.HintName, StringComparer.Ordinal));
        Assert.Contains(outputs, o => o.HintName == HelperFile && CachedOrUnchanged.Contains(o.Reason));
    }

    private static void AssertOtherSourcesIdentical(GeneratorDriverRunResult first, GeneratorDriverRunResult second, string changed)
    {
        var before = MethodSources(first);
        var after = MethodSources(second);
        foreach (var hint in before.Keys.Union(after.Keys).Where(k => k != changed))
        {
            Assert.True(before.ContainsKey(hint) && after.ContainsKey(hint), $"{hint} appeared or disappeared.");
            Assert.Equal(before[hint], after[hint]);
        }

        Assert.Equal(HelperText(first), HelperText(second));
    }

    private static void AssertNoRoslynObjects(GeneratorDriverRunResult result)
    {
        var steps = result.Results[0].TrackedSteps;
        var problems = new List<string>();
        foreach (var name in TrackingNames.Where(steps.ContainsKey))
        {
            var outputs = steps[name].SelectMany(s => s.Outputs).ToList();
            for (var i = 0; i < outputs.Count; i++)
            {
                problems.AddRange(RoslynObjects.Find(outputs[i].Value, $"{name}[{i}]"));
            }
        }

        Assert.True(problems.Count == 0, "Pipeline outputs hold Roslyn objects:\n" + string.Join("\n", problems));
    }

    /// <summary>Every output of every step named <paramref name="name"/>, each a method model, with its hint name.</summary>
    private static List<(string HintName, IncrementalStepRunReason Reason)> MethodOutputs(GeneratorDriverRunResult result, string name) =>
        result.Results[0].TrackedSteps[name]
            .SelectMany(s => s.Outputs)
            .Select(o => (HintNameOf(o.Value) ?? throw new Xunit.Sdk.XunitException($"Step '{name}' output is not a method model: {o.Value}"), o.Reason))
            .ToList();

    private static string? HintNameOf(object? value) =>
        value?.GetType().GetProperty("ReadableHintName", BindingFlags.Public | BindingFlags.Instance)?.GetValue(value) as string;

    /// <summary>The activation kind of a parse result or an implementation (of its method model), e.g. <c>Elu</c>.</summary>
    private static string KindOf(object model)
    {
        var method = model.GetType().GetProperty("Method")!.GetValue(model)!;
        var spec = method.GetType().GetProperty("Activation")!.GetValue(method)!;
        var activation = spec.GetType().GetProperty("Activation")!.GetValue(spec)!;
        return (string)activation.GetType().GetProperty("Name")!.GetValue(activation)!;
    }

    /// <summary>The method models inside an aggregated output (a collected array, a tuple of them).</summary>
    private static IEnumerable<object> ModelsIn(object? value)
    {
        if (HintNameOf(value) is not null)
        {
            yield return value!;
        }
        else if (value is IEnumerable items and not string)
        {
            foreach (var item in items)
            {
                foreach (var model in ModelsIn(item))
                {
                    yield return model;
                }
            }
        }
    }

    /// <summary>The source outputs with the hint name of the file each produced (or removed).</summary>
    private static List<(string HintName, IncrementalStepRunReason Reason)> SourceOutputs(GeneratorDriverRunResult result)
    {
        Assert.True(result.Results[0].TrackedOutputSteps.TryGetValue(WellKnownGeneratorOutputs.SourceOutput, out var steps), "No source output steps.");
        var outputs = new List<(string, IncrementalStepRunReason)>();
        foreach (var (value, reason) in steps.SelectMany(s => s.Outputs))
        {
            // The value is (ImmutableArray<GeneratedSourceText> sources, ImmutableArray<Diagnostic> diagnostics);
            // GeneratedSourceText is internal to Roslyn, so its hint name is read by reflection.
            var sources = (IEnumerable)value.GetType().GetField("Item1")!.GetValue(value)!;
            var hints = sources.Cast<object>().Select(s => (string)s.GetType().GetProperty("HintName")!.GetValue(s)!).ToList();
            var diagnostics = (IEnumerable)value.GetType().GetField("Item2")!.GetValue(value)!;
            Assert.DoesNotContain(diagnostics.Cast<Diagnostic>(), d => d.Severity > DiagnosticSeverity.Info); // AGEN0019 is information
            if (hints.Count == 0)
            {
                continue;
            }

            outputs.Add((Assert.Single(hints), reason));
        }

        return outputs;
    }

    private static Dictionary<string, string> MethodSources(GeneratorDriverRunResult result) =>
        result.Results[0].GeneratedSources
            .Where(s => s.HintName.EndsWith(".Activation.g.cs", StringComparison.Ordinal))
            .ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    private static string HelperText(GeneratorDriverRunResult result) =>
        Assert.Single(result.Results[0].GeneratedSources, s => s.HintName == HelperFile).SourceText.ToString();

    /// <summary>The one output of the <c>Helpers</c> step: the names of the helpers in use, and why it was computed.</summary>
    private static (IReadOnlyList<string> Names, IncrementalStepRunReason Reason) HelpersStep(GeneratorDriverRunResult result)
    {
        var (value, reason) = Assert.Single(result.Results[0].TrackedSteps[ActivationGenerator.TrackingNames.Helpers].SelectMany(s => s.Outputs));
        return (((IEnumerable<string>)value).ToList(), reason);
    }

    private static IEnumerable<(object Value, IncrementalStepRunReason Reason)> AllOutputs(GeneratorDriverRunResult result) =>
        TrackingNames.SelectMany(name => result.Results[0].TrackedSteps[name].SelectMany(s => s.Outputs));

    private sealed record Holder(ISymbol? Symbol, string Name);
}

/// <summary>
/// Walks an object graph (fields of classes, structs, records and tuples; array elements; cycles guarded) and reports
/// every Roslyn object that must not live in a pipeline model, and every field or property declared with such a type
/// even when it is null at the moment.
/// </summary>
file static class RoslynObjects
{
    private const int MaxDepth = 64;

    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SemanticModel), typeof(Location), typeof(Compilation),
        typeof(SyntaxToken), typeof(SyntaxTrivia), typeof(SyntaxReference), typeof(AttributeData), typeof(TypedConstant), typeof(Diagnostic),
    };

    public static List<string> Find(object? root, string rootName)
    {
        var problems = new List<string>();
        Walk(root, rootName, new HashSet<object>(ReferenceEqualityComparer.Instance), 0, problems);
        return problems;
    }

    private static void Walk(object? value, string path, HashSet<object> visited, int depth, List<string> problems)
    {
        if (value is null)
        {
            return;
        }

        var type = value.GetType();
        if (IsForbidden(type))
        {
            problems.Add($"{path}: {type.FullName}");
            return;
        }

        if (type.IsPrimitive || type.IsEnum || type.IsPointer || value is string or decimal or Type or Delegate)
        {
            if (value is Delegate)
            {
                problems.Add($"{path}: a delegate ({type.FullName}) cannot be compared by value");
            }

            return;
        }

        if (!type.IsValueType && !visited.Add(value))
        {
            return;
        }

        if (depth > MaxDepth)
        {
            problems.Add($"{path}: deeper than {MaxDepth} levels");
            return;
        }

        if (value is Array array)
        {
            var index = 0;
            foreach (var item in array)
            {
                Walk(item, $"{path}[{index++}]", visited, depth + 1, problems);
            }

            return;
        }

        foreach (var property in AllProperties(type).Where(p => DeclaresForbidden(p.PropertyType, new HashSet<Type>())))
        {
            problems.Add($"{path}.{property.Name}: declared as {property.PropertyType}");
        }

        foreach (var field in AllFields(type))
        {
            var name = $"{path}.{Readable(field.Name)}";
            if (DeclaresForbidden(field.FieldType, new HashSet<Type>()))
            {
                problems.Add($"{name}: declared as {field.FieldType}");
                continue;
            }

            Walk(field.GetValue(value), name, visited, depth + 1, problems);
        }
    }

    private static bool IsForbidden(Type type) => Forbidden.Any(f => f.IsAssignableFrom(type));

    /// <summary>Whether a declared type is, or is built from (array element, generic argument), a forbidden type.</summary>
    private static bool DeclaresForbidden(Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type))
        {
            return false;
        }

        if (IsForbidden(type))
        {
            return true;
        }

        if (type.HasElementType && DeclaresForbidden(type.GetElementType()!, seen))
        {
            return true;
        }

        return type.IsGenericType && type.GetGenericArguments().Any(a => DeclaresForbidden(a, seen));
    }

    private static IEnumerable<FieldInfo> AllFields(Type type)
    {
        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                yield return field;
            }
        }
    }

    private static IEnumerable<PropertyInfo> AllProperties(Type type) =>
        type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Where(p => p.GetIndexParameters().Length == 0);

    private static string Readable(string fieldName) =>
        fieldName.StartsWith('<') && fieldName.IndexOf(">k__BackingField", StringComparison.Ordinal) is var end and > 0
            ? fieldName.Substring(1, end - 1)
            : fieldName;
}
