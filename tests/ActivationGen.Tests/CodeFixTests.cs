using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using ActivationGen.CodeFixes;
using ActivationGen.Diagnostics;
using ActivationGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ActivationGen.Tests;

/// <summary>
/// The code fixes as the IDE runs them: a project in a workspace with ActivationGen's generator (so the attributes and
/// the generated implementations are in the compilation), the analyzer's diagnostics, the provider's code action for
/// each diagnostic (grouped by location, as the light bulb groups them), and the document text after the action,
/// compared exactly. After the fix the project is analyzed and compiled again: it must have exactly the errors the
/// case names (for most, none: the generator then implements the method).
/// </summary>
public class CodeFixTests
{
    // ---------------------------------------------------------------------------------------------------------
    // AGEN0001: add 'partial'.

    [Fact]
    public Task Method_not_partial() => AssertFix<AddPartialCodeFixProvider>(
        """
        public static partial class C
        {
            [Relu] public static double M(double x);
        }
        """,
        """
        public static partial class C
        {
            [Relu] public static partial double M(double x);
        }
        """,
        "Add 'partial' to method 'M'");

    [Fact]
    public Task Containing_type_not_partial() => AssertFix<AddPartialCodeFixProvider>(
        """
        public static class C
        {
            [Relu] public static partial double M(double x);
        }
        """,
        """
        public static partial class C
        {
            [Relu] public static partial double M(double x);
        }
        """,
        "Add 'partial' to type 'C'");

    /// <summary>Three AGEN0001 on one name (method, Inner, Outer): one action fixes all three.</summary>
    [Fact]
    public Task Method_and_nested_containing_types_not_partial() => AssertFixes<AddPartialCodeFixProvider>(
        new[]
        {
            Markup.Usings + """
            public class Outer
            {
                internal sealed class Inner
                {
                    [Relu] public double M(double x);
                }
            }
            """,
        },
        new[]
        {
            Markup.Usings + """
            public partial class Outer
            {
                internal sealed partial class Inner
                {
                    [Relu] public partial double M(double x);
                }
            }
            """,
        },
        new[] { "Add 'partial' to method 'M', type 'Inner' and type 'Outer'" },
        diagnostics: 3);

    [Fact]
    public Task Only_the_outer_type_not_partial() => AssertFix<AddPartialCodeFixProvider>(
        """
        public class Outer
        {
            public partial class Inner
            {
                [Relu] public partial double M(double x);
            }
        }
        """,
        """
        public partial class Outer
        {
            public partial class Inner
            {
                [Relu] public partial double M(double x);
            }
        }
        """,
        "Add 'partial' to type 'Outer'");

    /// <summary>'partial' goes last, right before the return type or type keyword, whatever order the others are in.</summary>
    [Fact]
    public Task Partial_goes_after_the_other_modifiers() => AssertFix<AddPartialCodeFixProvider>(
        """
        public readonly struct S
        {
            [Softplus] readonly public void M(Span<float> values);
        }

        internal abstract class Base
        {
            public abstract double N(double x);
        }

        internal sealed class Derived : Base
        {
            [Elu] static internal double Scalar(double x);

            [Sigmoid] public sealed override double N(double x);
        }
        """,
        """
        public readonly partial struct S
        {
            [Softplus] readonly public partial void M(Span<float> values);
        }

        internal abstract class Base
        {
            public abstract double N(double x);
        }

        internal sealed partial class Derived : Base
        {
            [Elu] static internal partial double Scalar(double x);

            [Sigmoid] public sealed override partial double N(double x);
        }
        """,
        "Add 'partial' to method 'M' and type 'S'",
        "Add 'partial' to method 'Scalar' and type 'Derived'",
        "Add 'partial' to method 'N'");

    [Fact]
    public Task Records_and_generic_types() => AssertFix<AddPartialCodeFixProvider>(
        """
        public record R(int A)
        {
            [Relu] public partial double M(double x);
        }

        public readonly record struct S
        {
            [Relu] public partial double M(double x);
        }

        public class G<T> where T : class
        {
            [Relu] public partial double M(double x);
        }
        """,
        """
        public partial record R(int A)
        {
            [Relu] public partial double M(double x);
        }

        public readonly partial record struct S
        {
            [Relu] public partial double M(double x);
        }

        public partial class G<T> where T : class
        {
            [Relu] public partial double M(double x);
        }
        """,
        "Add 'partial' to type 'R'",
        "Add 'partial' to type 'S'",
        "Add 'partial' to type 'G'");

    /// <summary>Without modifiers, 'partial' takes over the keyword's leading trivia: the doc comment and the indentation stay in front.</summary>
    [Fact]
    public Task Keeps_trivia_in_front_of_the_declaration() => AssertFix<AddPartialCodeFixProvider>(
        """
        /// <summary>Activations.</summary>
        class C
        {
            [Relu]
            public static
                double M(double x);

            /* kept */ [Softplus]
            // also kept
            void N(Span<double> values);
        }
        """,
        """
        /// <summary>Activations.</summary>
        partial class C
        {
            [Relu]
            public static
                partial double M(double x);

            /* kept */ [Softplus]
            // also kept
            partial void N(Span<double> values);
        }
        """,
        "Add 'partial' to method 'M' and type 'C'",
        "Add 'partial' to method 'N'");

    /// <summary>
    /// A partial method returning a value needs an accessibility (CS8796): it gets 'private', the one it had. Its body
    /// stays; AGEN0002 then offers to remove it, and the two fixes in turn leave a method ActivationGen implements.
    /// </summary>
    [Fact]
    public async Task Method_without_accessibility_becomes_private_partial_then_its_body_goes()
    {
        var afterFirst = await AssertFixes<AddPartialCodeFixProvider>(
            new[]
            {
                Markup.Usings + """
                public partial class C
                {
                    [Relu] static double M(double x) => x;
                }
                """,
            },
            new[]
            {
                Markup.Usings + """
                public partial class C
                {
                    [Relu] private static partial double M(double x) => x;
                }
                """,
            },
            new[] { "Add 'private partial' to method 'M'" },
            remaining: new[] { "AGEN0002", "CS0759" });

        await AssertFix<RemoveImplementationCodeFixProvider>(
            afterFirst[0].Substring(Markup.Usings.Length),
            """
            public partial class C
            {
                [Relu] private static partial double M(double x);
            }
            """,
            "Remove the body of 'M'");
    }

    [Fact]
    public Task Private_partial_for_the_method_and_partial_for_its_type() => AssertFix<AddPartialCodeFixProvider>(
        """
        class C
        {
            [Relu]
            static float M(float x);
        }
        """,
        """
        partial class C
        {
            [Relu]
            private static partial float M(float x);
        }
        """,
        "Add 'private partial' to method 'M' and 'partial' to type 'C'");

    /// <summary>An attribute on a local function or an accessor: nothing there can be made partial.</summary>
    [Theory]
    [InlineData("""
        public static partial class C
        {
            public static double F(double y)
            {
                return L(y);

                [Relu] static double L(double x) => x;
            }
        }
        """)]
    [InlineData("""
        public partial class C
        {
            public double P { [Relu] get => 0; }
        }
        """)]
    public Task No_fix_for_an_attribute_where_no_partial_method_can_be(string source) =>
        AssertNoFix<AddPartialCodeFixProvider>(source, "AGEN0001");

    // ---------------------------------------------------------------------------------------------------------
    // AGEN0002: remove the implementation.

    [Fact]
    public Task Block_body() => AssertFix<RemoveImplementationCodeFixProvider>(
        """
        public static partial class C
        {
            [Relu] public static partial double M(double x)
            {
                // mine
                return x > 0 ? x : 0;
            }

            public static double Other(double x) => x;
        }
        """,
        """
        public static partial class C
        {
            [Relu] public static partial double M(double x);

            public static double Other(double x) => x;
        }
        """,
        "Remove the body of 'M'");

    [Fact]
    public Task Expression_body() => AssertFix<RemoveImplementationCodeFixProvider>(
        """
        public static partial class C
        {
            [Relu] public static partial double M(double x) => x;
            [Elu]
            public static partial void N(Span<double> values)
                => values.Clear();
        }
        """,
        """
        public static partial class C
        {
            [Relu] public static partial double M(double x);
            [Elu]
            public static partial void N(Span<double> values);
        }
        """,
        "Remove the body of 'M'",
        "Remove the body of 'N'");

    [Fact]
    public Task A_comment_before_the_body_moves_after_the_semicolon() => AssertFix<RemoveImplementationCodeFixProvider>(
        """
        public static partial class C
        {
            [Relu] public static partial double M(double x) // hand-written
            {
                return x;
            } // end
        }
        """,
        """
        public static partial class C
        {
            [Relu] public static partial double M(double x); // hand-written // end
        }
        """,
        "Remove the body of 'M'");

    [Fact]
    public Task Extern() => AssertFix<RemoveImplementationCodeFixProvider>(
        """
        public static partial class C
        {
            [Relu] public static extern partial double M(double x);

            [Relu]
            extern public static partial float N(float x);
        }
        """,
        """
        public static partial class C
        {
            [Relu] public static partial double M(double x);

            [Relu]
            public static partial float N(float x);
        }
        """,
        "Remove 'extern' from 'M'",
        "Remove 'extern' from 'N'");

    /// <summary>The attribute on the definition, a body written by hand in another declaration: that declaration goes.</summary>
    [Fact]
    public Task Separate_implementation_is_removed() => AssertFix<RemoveImplementationCodeFixProvider>(
        """
        public static partial class C
        {
            [Relu] public static partial double M(double x);

            // By hand.
            public static partial double M(double x) => x > 0 ? x : 0;

            public static double Other(double x) => x;
        }
        """,
        """
        public static partial class C
        {
            [Relu] public static partial double M(double x);

            public static double Other(double x) => x;
        }
        """,
        "Remove the other partial declaration of 'M', the one with a body");

    [Fact]
    public Task Separate_implementation_in_another_file_is_removed() => AssertFixes<RemoveImplementationCodeFixProvider>(
        new[]
        {
            Markup.Usings + """
            public static partial class C
            {
                [Relu] public static partial double M(double x);
            }
            """,
            """
            namespace Test;

            public static partial class C
            {
                public static partial double M(double x) => x;

                public static double Other(double x) => x;
            }
            """,
        },
        new[]
        {
            Markup.Usings + """
            public static partial class C
            {
                [Relu] public static partial double M(double x);
            }
            """,
            """
            namespace Test;

            public static partial class C
            {
                public static double Other(double x) => x;
            }
            """,
        },
        new[] { "Remove the other partial declaration of 'M', the one with a body" });

    /// <summary>The attribute on the implementation: its body goes, and so does the other declaration, which would be a second definition.</summary>
    [Fact]
    public Task Body_on_the_annotated_implementation_and_a_separate_definition() => AssertFix<RemoveImplementationCodeFixProvider>(
        """
        public static partial class C
        {
            public static partial double M(double x);

            [Relu] public static partial double M(double x) => x;

            public static partial float N(float x);

            [Relu] public static extern partial float N(float x);
        }
        """,
        """
        public static partial class C
        {
            [Relu] public static partial double M(double x);

            [Relu] public static partial float N(float x);
        }
        """,
        "Remove the body of 'M' and its other partial declaration",
        "Remove 'extern' from 'N' and its other partial declaration");

    /// <summary>Removing a declaration with attributes or documentation would lose them: that is for the user to decide.</summary>
    [Theory]
    [InlineData("""
        public static partial class C
        {
            [Relu] public static partial double M(double x);

            [Obsolete] public static partial double M(double x) => x;
        }
        """)]
    [InlineData("""
        public static partial class C
        {
            /// <summary>Documented here.</summary>
            public static partial double M(double x);

            [Relu] public static partial double M(double x) => x;
        }
        """)]
    public Task No_fix_when_the_other_declaration_carries_more_than_a_signature(string source) =>
        AssertNoFix<RemoveImplementationCodeFixProvider>(source, "AGEN0002");

    // ---------------------------------------------------------------------------------------------------------
    // AGEN0007: remove Derivative = true.

    [Theory]
    [InlineData("Softplus(Derivative = true)", "Softplus")]
    [InlineData("Softplus(Derivative = true) ", "Softplus ")]
    [InlineData("Elu(Derivative = true, Alpha = 2)", "Elu(Alpha = 2)")]
    [InlineData("SigmoidSum(Count = 3, Derivative = true, Scale = 0.5)", "SigmoidSum(Count = 3, Scale = 0.5)")]
    [InlineData("Elu(Alpha = 2, Derivative = true)", "Elu(Alpha = 2)")]
    [InlineData("ActivationGen.Relu(Derivative = true)", "ActivationGen.Relu")]
    [InlineData("Relu(Derivative = !false)", "Relu")]
    public Task Derivative_argument(string attribute, string fixedAttribute) => AssertFix<RemoveDerivativeCodeFixProvider>(
        $$"""
        public static partial class C
        {
            [{{attribute}}]
            public static partial void M(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput);
        }
        """,
        $$"""
        public static partial class C
        {
            [{{fixedAttribute}}]
            public static partial void M(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput);
        }
        """,
        "Remove '" + attribute.Substring(attribute.IndexOf("Derivative", StringComparison.Ordinal)).Split(',', ')')[0] + "'");

    [Fact]
    public Task Derivative_argument_on_its_own_line() => AssertFix<RemoveDerivativeCodeFixProvider>(
        """
        public static partial class C
        {
            [SigmoidSum(
                Count = 3,
                Derivative = true)]
            public static partial void M(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);

            [SigmoidSum(
                Derivative = true,
                Count = 3)]
            public static partial void N(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);
        }
        """,
        """
        public static partial class C
        {
            [SigmoidSum(
                Count = 3)]
            public static partial void M(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);

            [SigmoidSum(
                Count = 3)]
            public static partial void N(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);
        }
        """,
        "Remove 'Derivative = true'",
        "Remove 'Derivative = true'");

    // ---------------------------------------------------------------------------------------------------------
    // Fix all in document, with the batch fixer.

    /// <summary>
    /// Eight AGEN0001: each method but D, the class once per method, and the nested class: the class's 'partial' is added
    /// once, and no method is left out (the batch fixer would drop the third method's fix, see
    /// <see cref="AddPartialCodeFixProvider.GetFixAllProvider"/>).
    /// </summary>
    [Fact]
    public Task Fix_all_adds_partial_to_the_methods_and_their_classes() => AssertFixAll<AddPartialCodeFixProvider>(
        """
        public static class C
        {
            [Relu] public static double A(double x);

            [Elu] public static void B(Span<float> values);

            [Sigmoid] public static partial float D(float x);

            public static class Nested
            {
                [Softplus] internal static double E(double x);
            }
        }
        """,
        """
        public static partial class C
        {
            [Relu] public static partial double A(double x);

            [Elu] public static partial void B(Span<float> values);

            [Sigmoid] public static partial float D(float x);

            public static partial class Nested
            {
                [Softplus] internal static partial double E(double x);
            }
        }
        """,
        AddPartialCodeFixProvider.EquivalenceKey,
        diagnostics: 8);

    [Fact]
    public Task Fix_all_in_the_project_adds_partial_in_every_document() => AssertFixAll<AddPartialCodeFixProvider>(
        new[]
        {
            """
            public class C
            {
                [Relu] public double A(double x);
            }
            """,
            """
            public class D
            {
                [Relu] public partial double B(double x);
            }
            """,
        },
        new[]
        {
            """
            public partial class C
            {
                [Relu] public partial double A(double x);
            }
            """,
            """
            public partial class D
            {
                [Relu] public partial double B(double x);
            }
            """,
        },
        AddPartialCodeFixProvider.EquivalenceKey,
        diagnostics: 3,
        FixAllScope.Project);

    [Fact]
    public Task Fix_all_removes_two_bodies() => AssertFixAll<RemoveImplementationCodeFixProvider>(
        """
        public static partial class C
        {
            [Relu] public static partial double A(double x) => x;

            [Elu] public static partial void B(Span<float> values)
            {
                values.Clear();
            }
        }
        """,
        """
        public static partial class C
        {
            [Relu] public static partial double A(double x);

            [Elu] public static partial void B(Span<float> values);
        }
        """,
        RemoveImplementationCodeFixProvider.RemoveBodyKey,
        diagnostics: 2);

    [Fact]
    public Task Fix_all_removes_two_derivative_arguments() => AssertFixAll<RemoveDerivativeCodeFixProvider>(
        """
        public static partial class C
        {
            [Relu(Derivative = true)] public static partial void A(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput);

            [Elu(Alpha = 0.5, Derivative = true)] public static partial void B(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);
        }
        """,
        """
        public static partial class C
        {
            [Relu] public static partial void A(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput);

            [Elu(Alpha = 0.5)] public static partial void B(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);
        }
        """,
        RemoveDerivativeCodeFixProvider.EquivalenceKey,
        diagnostics: 2);

    // ---------------------------------------------------------------------------------------------------------
    // Where no fix is obvious, and the providers' registration.

    /// <summary>AGEN0004 (and the other ids without an obvious fix) are fixed by no provider; offered one, none registers an action.</summary>
    [Fact]
    public async Task No_fix_for_an_unsupported_signature()
    {
        var project = CodeFixHarness.CreateProject(Markup.Usings + """
            public static partial class C
            {
                [Relu] public static partial int M(int x);
            }
            """);
        var diagnostic = Assert.Single(await CodeFixHarness.AnalyzerDiagnosticsAsync(project));
        Assert.Equal("AGEN0004", diagnostic.Id);

        foreach (var provider in Providers)
        {
            Assert.DoesNotContain("AGEN0004", provider.FixableDiagnosticIds);
            Assert.Empty(await CodeFixHarness.ActionsAsync(project, provider, ImmutableArray.Create(diagnostic)));
        }
    }

    [Fact]
    public void The_fixed_ids_are_the_analyzer_s_and_only_those_with_an_obvious_fix()
    {
        var supported = new ActivationAnalyzer().SupportedDiagnostics.ToDictionary(d => d.Id);
        var fixedIds = Providers.SelectMany(p => p.FixableDiagnosticIds).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(new[] { "AGEN0001", "AGEN0002", "AGEN0007" }, fixedIds);
        Assert.Equal("Activation method must be partial", supported["AGEN0001"].Title.ToString());
        Assert.Equal("Activation method already has a body", supported["AGEN0002"].Title.ToString());
        Assert.Equal("Derivative = true on a backward or fused method", supported["AGEN0007"].Title.ToString());
    }

    /// <summary>
    /// The IDE finds code fixes through MEF: each provider is exported for C#, shared, and supports fix all (the batch
    /// fixer, except for AGEN0001, whose fixes overlap: see <see cref="AddPartialCodeFixProvider.GetFixAllProvider"/>).
    /// </summary>
    [Fact]
    public void Providers_are_exported_for_csharp_and_support_fix_all()
    {
        foreach (var provider in Providers)
        {
            var type = provider.GetType();
            var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.NotNull(export);
            Assert.Equal(new[] { LanguageNames.CSharp }, export!.Languages);
            Assert.NotNull(type.GetCustomAttribute<SharedAttribute>());
            var fixAll = provider.GetFixAllProvider();
            Assert.NotNull(fixAll);
            Assert.Contains(FixAllScope.Document, fixAll!.GetSupportedFixAllScopes());
            Assert.Contains(FixAllScope.Solution, fixAll.GetSupportedFixAllScopes());
        }
    }

    private static readonly CodeFixProvider[] Providers =
    {
        new AddPartialCodeFixProvider(),
        new RemoveImplementationCodeFixProvider(),
        new RemoveDerivativeCodeFixProvider(),
    };

    // ---------------------------------------------------------------------------------------------------------

    /// <summary>
    /// Applies the one action offered at the first diagnostic location of <typeparamref name="TProvider"/>'s ids, once
    /// per title (re-analyzing in between), checks the titles in order and the text after the last, exactly; the fixed
    /// project must have no error left. Returns the fixed body (without <see cref="Markup.Usings"/>).
    /// </summary>
    private static async Task<string> AssertFix<TProvider>(string body, string expectedBody, params string[] titles)
        where TProvider : CodeFixProvider, new() =>
        (await AssertFixes<TProvider>(new[] { Markup.Usings + body }, new[] { Markup.Usings + expectedBody }, titles))[0].Substring(Markup.Usings.Length);

    /// <param name="remaining">
    /// The sorted ids of the errors (the compiler's and the analyzer's) left after the fixes; none when null. The
    /// generator runs, so a method it can implement leaves no error.
    /// </param>
    /// <param name="diagnostics">How many diagnostics of the provider's ids the sources have at first, when checked.</param>
    private static async Task<string[]> AssertFixes<TProvider>(string[] sources, string[] expected, string[] titles, string[]? remaining = null, int? diagnostics = null)
        where TProvider : CodeFixProvider, new()
    {
        var provider = new TProvider();
        var project = CodeFixHarness.CreateProject(sources);
        if (diagnostics is { } count)
        {
            Assert.Equal(count, (await CodeFixHarness.AnalyzerDiagnosticsAsync(project)).Count(d => provider.FixableDiagnosticIds.Contains(d.Id)));
        }

        foreach (var title in titles)
        {
            var found = (await CodeFixHarness.AnalyzerDiagnosticsAsync(project)).Where(d => provider.FixableDiagnosticIds.Contains(d.Id)).ToList();
            Assert.NotEmpty(found);

            // Every diagnostic at the first location: what the light bulb offers there.
            var first = found[0];
            var atFirst = found.Where(d => d.Location.SourceTree == first.Location.SourceTree && d.Location.SourceSpan == first.Location.SourceSpan).ToImmutableArray();
            var action = Assert.Single(await CodeFixHarness.ActionsAsync(project, provider, atFirst));
            Assert.Equal(title, action.Title);
            Assert.False(string.IsNullOrEmpty(action.EquivalenceKey));
            project = await CodeFixHarness.ApplyAsync(project, action);
        }

        var texts = await CodeFixHarness.TextsAsync(project);
        Assert.Equal(expected.Length, texts.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], texts[i]);
        }

        Assert.Equal(remaining ?? Array.Empty<string>(), await CodeFixHarness.ErrorIdsAsync(project));
        return texts;
    }

    private static Task AssertFixAll<TProvider>(string body, string expectedBody, string equivalenceKey, int diagnostics)
        where TProvider : CodeFixProvider, new() =>
        AssertFixAll<TProvider>(new[] { body }, new[] { expectedBody }, equivalenceKey, diagnostics, FixAllScope.Document);

    /// <summary>Fix all, from the first document, in <paramref name="scope"/>; the fixed project must have no error left.</summary>
    private static async Task AssertFixAll<TProvider>(string[] bodies, string[] expectedBodies, string equivalenceKey, int diagnostics, FixAllScope scope)
        where TProvider : CodeFixProvider, new()
    {
        var provider = new TProvider();
        var project = CodeFixHarness.CreateProject(bodies.Select(b => Markup.Usings + b).ToArray());
        var all = (await CodeFixHarness.AnalyzerDiagnosticsAsync(project)).Where(d => provider.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
        Assert.Equal(diagnostics, all.Length);

        var document = project.Documents.OrderBy(d => d.FilePath, StringComparer.Ordinal).First();
        var context = new FixAllContext(
            document,
            provider,
            scope,
            equivalenceKey,
            provider.FixableDiagnosticIds,
            new FixedDiagnostics(all),
            CancellationToken.None);
        var action = await provider.GetFixAllProvider()!.GetFixAsync(context);
        Assert.NotNull(action);
        project = await CodeFixHarness.ApplyAsync(project, action!);

        Assert.Equal(expectedBodies.Select(b => Markup.Usings + b), await CodeFixHarness.TextsAsync(project));
        Assert.Empty(await CodeFixHarness.ErrorIdsAsync(project));
    }

    private static async Task AssertNoFix<TProvider>(string body, string id)
        where TProvider : CodeFixProvider, new()
    {
        var project = CodeFixHarness.CreateProject(Markup.Usings + body);
        var diagnostic = Assert.Single(await CodeFixHarness.AnalyzerDiagnosticsAsync(project));
        Assert.Equal(id, diagnostic.Id);
        Assert.Empty(await CodeFixHarness.ActionsAsync(project, new TProvider(), ImmutableArray.Create(diagnostic)));
    }

    /// <summary>The diagnostics fix all works on: the analyzer's, computed once.</summary>
    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}

/// <summary>A workspace project as the IDE has it, with ActivationGen's generator, to run code fixes on.</summary>
internal static class CodeFixHarness
{
    /// <summary>A project of the given documents (Input.cs, Input1.cs, ...), referencing .NET 10 and running the generator.</summary>
    public static Project CreateProject(params string[] sources)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documents = sources.Select((source, i) => DocumentInfo.Create(
            DocumentId.CreateNewId(projectId),
            i == 0 ? "Input.cs" : $"Input{i}.cs",
            loader: TextLoader.From(TextAndVersion.Create(SourceText.From(source), VersionStamp.Default)),
            filePath: i == 0 ? "/src/Input.cs" : $"/src/Input{i}.cs"));
        var project = ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "Test",
            "Test",
            LanguageNames.CSharp,
            filePath: "/src/Test.csproj",
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: GeneratorHarness.ParseOptions,
            documents: documents,
            metadataReferences: Basic.Reference.Assemblies.Net100.References.All,
            analyzerReferences: new[] { new GeneratorReference() });
        return workspace.CurrentSolution.AddProject(project).GetProject(projectId)!;
    }

    /// <summary>The analyzer's diagnostics on the compilation with the generated code, in source order.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzerDiagnosticsAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, _, _) => exceptions.Add(exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ActivationAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.Empty(exceptions);
        return diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    /// <summary>The sorted ids of every error left: the compiler's (generated code included) and the analyzer's.</summary>
    public static async Task<string[]> ErrorIdsAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var compiler = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);
        var analyzer = await AnalyzerDiagnosticsAsync(project);
        return compiler.Concat(analyzer).Select(d => d.Id).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The code actions <paramref name="provider"/> registers for <paramref name="diagnostics"/>, all at one location.</summary>
    public static async Task<List<CodeAction>> ActionsAsync(Project project, CodeFixProvider provider, ImmutableArray<Diagnostic> diagnostics)
    {
        var document = project.GetDocument(diagnostics[0].Location.SourceTree)!;
        Assert.NotNull(document);
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(
            document,
            diagnostics[0].Location.SourceSpan,
            diagnostics,
            (action, _) => actions.Add(action),
            CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        return actions;
    }

    /// <summary>The project after the action's one change.</summary>
    public static async Task<Project> ApplyAsync(Project project, CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var apply = Assert.IsType<ApplyChangesOperation>(Assert.Single(operations));
        return apply.ChangedSolution.GetProject(project.Id)!;
    }

    /// <summary>The texts of the project's own documents, in the order they were created.</summary>
    public static async Task<string[]> TextsAsync(Project project)
    {
        var texts = new List<string>();
        foreach (var document in project.Documents.OrderBy(d => d.FilePath, StringComparer.Ordinal))
        {
            texts.Add((await document.GetTextAsync()).ToString());
        }

        return texts.ToArray();
    }

    /// <summary>Hands ActivationGen's generator to the workspace, as the package's analyzer reference does in the IDE.</summary>
    private sealed class GeneratorReference : AnalyzerReference
    {
        private readonly ImmutableArray<ISourceGenerator> generators = ImmutableArray.Create(new ActivationGenerator().AsSourceGenerator());

        public override string? FullPath => null;

        public override object Id => typeof(ActivationGenerator).FullName!;

        public override string Display => "ActivationGen";

        public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzers(string language) => ImmutableArray<DiagnosticAnalyzer>.Empty;

        public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzersForAllLanguages() => ImmutableArray<DiagnosticAnalyzer>.Empty;

        public override ImmutableArray<ISourceGenerator> GetGenerators(string language) =>
            language == LanguageNames.CSharp ? generators : ImmutableArray<ISourceGenerator>.Empty;

        public override ImmutableArray<ISourceGenerator> GetGeneratorsForAllLanguages() => generators;
    }
}
