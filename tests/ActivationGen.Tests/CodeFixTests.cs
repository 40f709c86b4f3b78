using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using ActivationGen.CodeFixes;
using ActivationGen.Diagnostics;
using ActivationGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;
using CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics;
using DiagnosticResult = Microsoft.CodeAnalysis.Testing.DiagnosticResult;

namespace ActivationGen.Tests;

/// <summary>
/// The code fixes on the Roslyn test framework (<see cref="CodeFixTest{TCodeFix}"/>), as the IDE and <c>dotnet format</c>
/// run them: a design-time build, so the analyzer reports, with the generator present. Every diagnostic of the source
/// is expected by markup, ActivationGen's with their full message; the framework applies the fix once per diagnostic,
/// then fix all in document, project and solution, each of which must reach the fixed code in one pass per document,
/// project or solution; and the fixed code must have no diagnostic left, warnings included (the generator then
/// implements the methods). Each applied code action has the provider's equivalence key and one of the titles the case
/// names, and every title named is offered.
/// </summary>
public class CodeFixTests
{
    private const string Header = """
        using System;
        using ActivationGen;

        namespace Test;


        """;

    private static readonly Dictionary<Type, string> EquivalenceKeys = new()
    {
        [typeof(AddPartialCodeFixProvider)] = AddPartialCodeFixProvider.EquivalenceKey,
        [typeof(RemoveImplementationCodeFixProvider)] = RemoveImplementationCodeFixProvider.EquivalenceKey,
        [typeof(RemoveDerivativeCodeFixProvider)] = RemoveDerivativeCodeFixProvider.EquivalenceKey,
    };

    private static readonly CodeFixProvider[] Providers =
    {
        new AddPartialCodeFixProvider(),
        new RemoveImplementationCodeFixProvider(),
        new RemoveDerivativeCodeFixProvider(),
    };

    // ---------------------------------------------------------------------------------------------------------
    // AGEN0001: add 'partial'.

    [Fact]
    public Task Method_not_partial() => VerifyAsync<AddPartialCodeFixProvider>(
        """
        public static partial class C
        {
            [Relu] public static double {|CS0501:{|#0:M|}|}(double x);
        }
        """,
        """
        public static partial class C
        {
            [Relu] public static partial double M(double x);
        }
        """,
        new[] { NotPartial(0, "M", "the method") },
        "Add 'partial' to method 'M'");

    [Fact]
    public Task Containing_type_not_partial() => VerifyAsync<AddPartialCodeFixProvider>(
        """
        public static class {|CS0260:C|}
        {
            [Relu] public static partial double {|#0:M|}(double x);
        }
        """,
        """
        public static partial class C
        {
            [Relu] public static partial double M(double x);
        }
        """,
        new[] { NotPartial(0, "M", "type 'C'") },
        "Add 'partial' to type 'C'");

    /// <summary>The method, Inner and Outer lack 'partial': one diagnostic, one action, one iteration for all three.</summary>
    [Fact]
    public async Task Method_and_nested_containing_types_not_partial()
    {
        var test = Test<AddPartialCodeFixProvider>(
            """
            public class Outer
            {
                internal sealed class Inner
                {
                    [Relu] public double {|CS0501:{|#0:M|}|}(double x);
                }
            }
            """,
            """
            public partial class Outer
            {
                internal sealed partial class Inner
                {
                    [Relu] public partial double M(double x);
                }
            }
            """,
            NotPartial(0, "M", "the method, type 'Inner' and type 'Outer'"));
        test.NumberOfIncrementalIterations = 1;
        await RunAsync(test, "Add 'partial' to method 'M', type 'Inner' and type 'Outer'");
    }

    [Fact]
    public Task Only_the_outer_type_not_partial() => VerifyAsync<AddPartialCodeFixProvider>(
        """
        public class {|CS0260:Outer|}
        {
            public partial class Inner
            {
                [Relu] public partial double {|#0:M|}(double x);
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
        new[] { NotPartial(0, "M", "type 'Outer'") },
        "Add 'partial' to type 'Outer'");

    /// <summary>'partial' goes last, right before the return type or type keyword, whatever order the others are in.</summary>
    [Fact]
    public Task Partial_goes_after_the_other_modifiers() => VerifyAsync<AddPartialCodeFixProvider>(
        """
        public readonly struct S
        {
            [Softplus] readonly public void {|CS0501:{|#0:M|}|}(Span<float> values);
        }

        internal abstract class Base
        {
            public abstract double N(double x);
        }

        internal sealed class Derived : Base
        {
            [Elu] static internal double {|CS0501:{|#1:Scalar|}|}(double x);

            [Sigmoid] public sealed override double {|CS0501:{|#2:N|}|}(double x);
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
        new[]
        {
            NotPartial(0, "M", "the method and type 'S'"),
            NotPartial(1, "Scalar", "the method and type 'Derived'"),
            NotPartial(2, "N", "the method and type 'Derived'"),
        },
        "Add 'partial' to method 'M' and type 'S'",
        "Add 'partial' to method 'Scalar' and type 'Derived'",
        "Add 'partial' to method 'N'");

    [Fact]
    public Task Records_and_generic_types() => VerifyAsync<AddPartialCodeFixProvider>(
        """
        public record {|CS0260:R|}(int A)
        {
            [Relu] public partial double {|#0:M|}(double x);
        }

        public readonly record struct {|CS0260:S|}
        {
            [Relu] public partial double {|#1:M|}(double x);
        }

        public class {|CS0260:G|}<T> where T : class
        {
            [Relu] public partial double {|#2:M|}(double x);
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
        new[] { NotPartial(0, "M", "type 'R'"), NotPartial(1, "M", "type 'S'"), NotPartial(2, "M", "type 'G'") },
        "Add 'partial' to type 'R'",
        "Add 'partial' to type 'S'",
        "Add 'partial' to type 'G'");

    /// <summary>Without modifiers, 'partial' takes over the keyword's leading trivia: the doc comment and the indentation stay in front.</summary>
    [Fact]
    public Task Keeps_trivia_in_front_of_the_declaration() => VerifyAsync<AddPartialCodeFixProvider>(
        """
        /// <summary>Activations.</summary>
        class C
        {
            [Relu]
            public static
                double {|CS0501:{|#0:M|}|}(double x);

            /* kept */ [Softplus]
            // also kept
            void {|CS0501:{|#1:N|}|}(Span<double> values);
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
        new[] { NotPartial(0, "M", "the method and type 'C'"), NotPartial(1, "N", "the method and type 'C'") },
        "Add 'partial' to method 'M' and type 'C'",
        "Add 'partial' to method 'N'");

    /// <summary>
    /// A partial method returning a value needs an accessibility (CS8796): it gets 'private', the one it had. Its body
    /// stays; AGEN0002 then offers to remove it, and the two fixes in turn leave a method ActivationGen implements.
    /// </summary>
    [Fact]
    public async Task Method_without_accessibility_becomes_private_partial_then_its_body_goes()
    {
        const string privatePartial = """
            public partial class C
            {
                [Relu] private static partial double {|#1:M|}(double x) => x;
            }
            """;
        var first = Test<AddPartialCodeFixProvider>(
            """
            public partial class C
            {
                [Relu] static double {|#0:M|}(double x) => x;
            }
            """,
            privatePartial,
            NotPartial(0, "M", "the method"));
        first.FixedState.ExpectedDiagnostics.Add(HasBody(1, "M", "its body"));
        await RunAsync(first, "Add 'private partial' to method 'M'");

        await VerifyAsync<RemoveImplementationCodeFixProvider>(
            privatePartial.Replace("{|#1:M|}", "{|#0:M|}", StringComparison.Ordinal),
            """
            public partial class C
            {
                [Relu] private static partial double M(double x);
            }
            """,
            new[] { HasBody(0, "M", "its body") },
            "Remove the body of 'M'");
    }

    [Fact]
    public Task Private_partial_for_the_method_and_partial_for_its_type() => VerifyAsync<AddPartialCodeFixProvider>(
        """
        class C
        {
            [Relu]
            static float {|CS0501:{|#0:M|}|}(float x);
        }
        """,
        """
        partial class C
        {
            [Relu]
            private static partial float M(float x);
        }
        """,
        new[] { NotPartial(0, "M", "the method and type 'C'") },
        "Add 'private partial' to method 'M' and 'partial' to type 'C'");

    /// <summary>An attribute on a local function or an accessor: nothing there can be made partial, so no fix is offered.</summary>
    [Theory]
    [InlineData("""
        public static partial class C
        {
            public static double F(double y)
            {
                return L(y);

                [Relu] static double {|#0:L|}(double x) => x;
            }
        }
        """, "L", "local functions")]
    [InlineData("""
        public partial class C
        {
            public double P { [{|#0:Relu|}] get => 0; }
        }
        """, "C.P.get", "accessors")]
    public Task No_fix_for_an_attribute_where_no_partial_method_can_be(string source, string name, string what) =>
        VerifyNoFixAsync<AddPartialCodeFixProvider>(
            source,
            NotPartial(0, name, $"a method of the containing type and put the attribute there (ActivationGen implements partial methods, not {what})"));

    // ---------------------------------------------------------------------------------------------------------
    // AGEN0002: remove the implementation.

    [Fact]
    public Task Block_body() => VerifyAsync<RemoveImplementationCodeFixProvider>(
        """
        public static partial class C
        {
            [Relu] public static partial double {|#0:M|}(double x)
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
        new[] { HasBody(0, "M", "its body") },
        "Remove the body of 'M'");

    [Fact]
    public Task Expression_body() => VerifyAsync<RemoveImplementationCodeFixProvider>(
        """
        public static partial class C
        {
            [Relu] public static partial double {|#0:M|}(double x) => x;
            [Elu]
            public static partial void {|#1:N|}(Span<double> values)
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
        new[] { HasBody(0, "M", "its body"), HasBody(1, "N", "its body") },
        "Remove the body of 'M'",
        "Remove the body of 'N'");

    [Fact]
    public Task A_comment_before_the_body_moves_after_the_semicolon() => VerifyAsync<RemoveImplementationCodeFixProvider>(
        """
        public static partial class C
        {
            [Relu] public static partial double {|#0:M|}(double x) // hand-written
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
        new[] { HasBody(0, "M", "its body") },
        "Remove the body of 'M'");

    [Fact]
    public Task Extern() => VerifyAsync<RemoveImplementationCodeFixProvider>(
        """
        public static partial class C
        {
            [Relu] public static extern partial double {|#0:M|}(double x);

            [Relu]
            extern public static partial float {|#1:N|}(float x);
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
        new[] { HasBody(0, "M", "'extern'"), HasBody(1, "N", "'extern'") },
        "Remove 'extern' from 'M'",
        "Remove 'extern' from 'N'");

    /// <summary>The attribute on the definition, a body written by hand in another declaration: that declaration goes.</summary>
    [Fact]
    public Task Separate_implementation_is_removed() => VerifyAsync<RemoveImplementationCodeFixProvider>(
        """
        public static partial class C
        {
            [Relu] public static partial double {|#0:M|}(double x);

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
        new[] { HasBody(0, "M", OtherDeclaration) },
        "Remove the other partial declaration of 'M', the one with a body");

    [Fact]
    public async Task Separate_implementation_in_another_file_is_removed()
    {
        var test = Test<RemoveImplementationCodeFixProvider>(
            """
            public static partial class C
            {
                [Relu] public static partial double {|#0:M|}(double x);
            }
            """,
            """
            public static partial class C
            {
                [Relu] public static partial double M(double x);
            }
            """,
            HasBody(0, "M", OtherDeclaration));
        test.TestState.Sources.Add(Header + """
            public static partial class C
            {
                public static partial double M(double x) => x;

                public static double Other(double x) => x;
            }
            """);
        test.FixedState.Sources.Add(Header + """
            public static partial class C
            {
                public static double Other(double x) => x;
            }
            """);
        await RunAsync(test, "Remove the other partial declaration of 'M', the one with a body");
    }

    /// <summary>The attribute on the implementation: its body goes, and so does the other declaration, which would be a second definition.</summary>
    [Fact]
    public Task Body_on_the_annotated_implementation_and_a_separate_definition() => VerifyAsync<RemoveImplementationCodeFixProvider>(
        """
        public static partial class C
        {
            public static partial double M(double x);

            [Relu] public static partial double {|#0:M|}(double x) => x;

            public static partial float N(float x);

            [Relu] public static extern partial float {|#1:N|}(float x);
        }
        """,
        """
        public static partial class C
        {
            [Relu] public static partial double M(double x);

            [Relu] public static partial float N(float x);
        }
        """,
        new[] { HasBody(0, "M", "its body"), HasBody(1, "N", "'extern'") },
        "Remove the body of 'M' and its other partial declaration",
        "Remove 'extern' from 'N' and its other partial declaration");

    /// <summary>Removing a declaration with attributes or documentation would lose them: that is for the user to decide.</summary>
    [Theory]
    [InlineData("""
        public static partial class C
        {
            [Relu] public static partial double {|#0:M|}(double x);

            [Obsolete] public static partial double M(double x) => x;
        }
        """, OtherDeclaration)]
    [InlineData("""
        public static partial class C
        {
            /// <summary>Documented here.</summary>
            public static partial double M(double x);

            [Relu] public static partial double {|#0:M|}(double x) => x;
        }
        """, "its body")]
    public Task No_fix_when_the_other_declaration_carries_more_than_a_signature(string source, string implementation) =>
        VerifyNoFixAsync<RemoveImplementationCodeFixProvider>(source, HasBody(0, "M", implementation));

    // ---------------------------------------------------------------------------------------------------------
    // AGEN0007: remove Derivative = true.

    [Theory]
    [InlineData("Softplus({|#0:Derivative = true|})", "Softplus")]
    [InlineData("Softplus({|#0:Derivative = true|}) ", "Softplus ")]
    [InlineData("Elu({|#0:Derivative = true|}, Alpha = 2)", "Elu(Alpha = 2)")]
    [InlineData("SigmoidSum(Count = 3, {|#0:Derivative = true|}, Scale = 0.5)", "SigmoidSum(Count = 3, Scale = 0.5)")]
    [InlineData("Elu(Alpha = 2, {|#0:Derivative = true|})", "Elu(Alpha = 2)")]
    [InlineData("ActivationGen.Relu({|#0:Derivative = true|})", "ActivationGen.Relu")]
    [InlineData("Relu({|#0:Derivative = !false|})", "Relu")]
    public Task Derivative_argument(string attribute, string fixedAttribute)
    {
        var start = attribute.IndexOf("{|#0:", StringComparison.Ordinal) + "{|#0:".Length;
        var argument = attribute.Substring(start, attribute.IndexOf("|}", start, StringComparison.Ordinal) - start);
        return VerifyAsync<RemoveDerivativeCodeFixProvider>(
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
            new[] { DerivativeOnGradientShape(0, "M", "backward") },
            $"Remove '{argument}'");
    }

    [Fact]
    public Task Derivative_argument_on_its_own_line() => VerifyAsync<RemoveDerivativeCodeFixProvider>(
        """
        public static partial class C
        {
            [SigmoidSum(
                Count = 3,
                {|#0:Derivative = true|})]
            public static partial void M(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);

            [SigmoidSum(
                {|#1:Derivative = true|},
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
        new[] { DerivativeOnGradientShape(0, "M", "fused"), DerivativeOnGradientShape(1, "N", "fused") },
        "Remove 'Derivative = true'");

    // ---------------------------------------------------------------------------------------------------------
    // Fix all: many diagnostics in one document, and documents in two projects. The framework runs fix all in document,
    // project and solution on every case above too; here the point is that one pass fixes them all.

    /// <summary>
    /// Four methods whose diagnostics all name class C, one of them also C.Nested: each 'partial' is added once, and no
    /// method is left out (merged as text changes, the identical insertions into C would conflict).
    /// </summary>
    [Fact]
    public Task Fix_all_adds_partial_to_the_methods_and_their_classes() => VerifyAsync<AddPartialCodeFixProvider>(
        """
        public static class {|CS0260:C|}
        {
            [Relu] public static double {|CS0501:{|#0:A|}|}(double x);

            [Elu] public static void {|CS0501:{|#1:B|}|}(Span<float> values);

            [Sigmoid] public static partial float {|#2:D|}(float x);

            public static class Nested
            {
                [Softplus] internal static double {|CS0501:{|#3:E|}|}(double x);
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
        new[]
        {
            NotPartial(0, "A", "the method and type 'C'"),
            NotPartial(1, "B", "the method and type 'C'"),
            NotPartial(2, "D", "type 'C'"),
            NotPartial(3, "E", "the method, type 'Nested' and type 'C'"),
        },
        "Add 'partial' to method 'A' and type 'C'",
        "Add 'partial' to method 'B'",
        "Add 'partial' to method 'E' and type 'Nested'");

    /// <summary>
    /// Every kind of implementation AGEN0002 names, in one document: bodies, 'extern', a separate implementation and an
    /// annotated implementation with a separate definition. One fix all removes them all, whichever it starts from
    /// (<c>dotnet format</c> starts from the first diagnostic and runs fix all in solution once).
    /// </summary>
    [Fact]
    public Task Fix_all_removes_every_kind_of_implementation() => VerifyAsync<RemoveImplementationCodeFixProvider>(
        """
        public static partial class C
        {
            [Relu] public static partial double {|#0:A|}(double x) => x;

            [Elu] public static partial void {|#1:B|}(Span<float> values)
            {
                values.Clear();
            }

            [Sigmoid] public static extern partial float {|#2:D|}(float x);

            [Softplus] public static partial double {|#3:E|}(double x);

            public static partial double E(double x) => x;

            public static partial float F(float x);

            [Relu] public static partial float {|#4:F|}(float x) => x;
        }
        """,
        """
        public static partial class C
        {
            [Relu] public static partial double A(double x);

            [Elu] public static partial void B(Span<float> values);

            [Sigmoid] public static partial float D(float x);

            [Softplus] public static partial double E(double x);

            [Relu] public static partial float F(float x);
        }
        """,
        new[]
        {
            HasBody(0, "A", "its body"),
            HasBody(1, "B", "its body"),
            HasBody(2, "D", "'extern'"),
            HasBody(3, "E", OtherDeclaration),
            HasBody(4, "F", "its body"),
        },
        "Remove the body of 'A'",
        "Remove the body of 'B'",
        "Remove 'extern' from 'D'",
        "Remove the other partial declaration of 'E', the one with a body",
        "Remove the body of 'F' and its other partial declaration");

    [Fact]
    public Task Fix_all_removes_every_derivative_argument() => VerifyAsync<RemoveDerivativeCodeFixProvider>(
        """
        public static partial class C
        {
            [Relu({|#0:Derivative = true|})] public static partial void A(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput);

            [Elu(Alpha = 0.5, {|#1:Derivative = true|})] public static partial void B(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);

            [SigmoidSum({|#2:Derivative = true|}, Count = 4)]
            public static partial void D(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);
        }
        """,
        """
        public static partial class C
        {
            [Relu] public static partial void A(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput);

            [Elu(Alpha = 0.5)] public static partial void B(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);

            [SigmoidSum(Count = 4)]
            public static partial void D(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);
        }
        """,
        new[]
        {
            DerivativeOnGradientShape(0, "A", "backward"),
            DerivativeOnGradientShape(1, "B", "fused"),
            DerivativeOnGradientShape(2, "D", "backward"),
        },
        "Remove 'Derivative = true'");

    /// <summary>Two documents of the main project, where a type is partial in one and not in the other, and a second project.</summary>
    [Fact]
    public async Task Fix_all_in_project_and_solution_adds_partial_in_every_document()
    {
        var test = Test<AddPartialCodeFixProvider>(
            """
            public class C
            {
                [Relu] public double {|CS0501:{|#0:A|}|}(double x);
            }
            """,
            """
            public partial class C
            {
                [Relu] public partial double A(double x);
            }
            """,
            NotPartial(0, "A", "the method and type 'C'"),
            NotPartial(1, "B", "type 'D'"),
            NotPartial(2, "Apply", "the method"));
        AddDocument(
            test,
            """
            public class {|CS0260:D|}
            {
                [Relu] public partial double {|#1:B|}(double x);
            }
            """,
            """
            public partial class D
            {
                [Relu] public partial double B(double x);
            }
            """);
        AddProject(
            test,
            """
            public static partial class E
            {
                [Elu] public static void {|CS0501:{|#2:Apply|}|}(Span<float> values);
            }
            """,
            """
            public static partial class E
            {
                [Elu] public static partial void Apply(Span<float> values);
            }
            """);
        await RunAsync(test, "Add 'partial' to method 'A' and type 'C'", "Add 'partial' to type 'D'", "Add 'partial' to method 'Apply'");
    }

    /// <summary>Fix all across documents: a separate implementation in the other document is removed with the rest.</summary>
    [Fact]
    public async Task Fix_all_in_project_and_solution_removes_implementations_in_every_document()
    {
        var test = Test<RemoveImplementationCodeFixProvider>(
            """
            public static partial class C
            {
                [Relu] public static partial double {|#0:A|}(double x);

                [Elu] public static partial void {|#1:B|}(Span<float> values) => values.Clear();
            }
            """,
            """
            public static partial class C
            {
                [Relu] public static partial double A(double x);

                [Elu] public static partial void B(Span<float> values);
            }
            """,
            HasBody(0, "A", OtherDeclaration),
            HasBody(1, "B", "its body"),
            HasBody(2, "Apply", "'extern'"));
        AddDocument(
            test,
            """
            public static partial class C
            {
                public static partial double A(double x) => x;

                public static double Other(double x) => x;
            }
            """,
            """
            public static partial class C
            {
                public static double Other(double x) => x;
            }
            """);
        AddProject(
            test,
            """
            public static partial class E
            {
                [Relu] public static extern partial double {|#2:Apply|}(double x);
            }
            """,
            """
            public static partial class E
            {
                [Relu] public static partial double Apply(double x);
            }
            """);
        await RunAsync(
            test,
            "Remove the other partial declaration of 'A', the one with a body",
            "Remove the body of 'B'",
            "Remove 'extern' from 'Apply'");
    }

    [Fact]
    public async Task Fix_all_in_project_and_solution_removes_derivative_arguments_in_every_document()
    {
        var test = Test<RemoveDerivativeCodeFixProvider>(
            """
            public static partial class C
            {
                [Relu({|#0:Derivative = true|})] public static partial void A(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput);
            }
            """,
            """
            public static partial class C
            {
                [Relu] public static partial void A(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput);
            }
            """,
            DerivativeOnGradientShape(0, "A", "backward"),
            DerivativeOnGradientShape(1, "B", "fused"),
            DerivativeOnGradientShape(2, "Apply", "backward"));
        AddDocument(
            test,
            """
            public static partial class D
            {
                [Elu({|#1:Derivative = true|}, Alpha = 2)] public static partial void B(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);
            }
            """,
            """
            public static partial class D
            {
                [Elu(Alpha = 2)] public static partial void B(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);
            }
            """);
        AddProject(
            test,
            """
            public static partial class E
            {
                [Softplus({|#2:Derivative = true|})] public static partial void Apply(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);
            }
            """,
            """
            public static partial class E
            {
                [Softplus] public static partial void Apply(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);
            }
            """);
        await RunAsync(test, "Remove 'Derivative = true'");
    }

    // ---------------------------------------------------------------------------------------------------------
    // The providers' registration.

    /// <summary>Only AGEN0001, AGEN0002 and AGEN0007 have an obvious fix (AGEN0004 and the others none); the ids are the analyzer's.</summary>
    [Fact]
    public void The_fixed_ids_are_the_analyzer_s_and_only_those_with_an_obvious_fix()
    {
        var supported = new ActivationAnalyzer().SupportedDiagnostics.ToDictionary(d => d.Id);
        var fixedIds = Providers.SelectMany(p => p.FixableDiagnosticIds).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(new[] { "AGEN0001", "AGEN0002", "AGEN0007" }, fixedIds);
        Assert.Equal("Activation method must be partial", supported["AGEN0001"].Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Activation method already has a body", supported["AGEN0002"].Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Derivative = true on a backward or fused method", supported["AGEN0007"].Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The IDE finds code fixes through MEF: each provider is exported for C# and shared. dotnet format applies a fix only
    /// through its fix all in solution; each provider has its own (the batch fixer's merged text changes drop overlapping
    /// fixes), with the usual scopes.
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
            Assert.NotNull(type.GetCustomAttribute<System.Composition.SharedAttribute>());
            var fixAll = provider.GetFixAllProvider();
            Assert.NotNull(fixAll);
            Assert.NotSame(WellKnownFixAllProviders.BatchFixer, fixAll);
            Assert.Equal(new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution }, fixAll!.GetSupportedFixAllScopes().Order());
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private const string OtherDeclaration = "the other partial declaration, the one with a body";

    private static DiagnosticResult NotPartial(int location, string method, string what) =>
        RoslynTests.Diagnostic("AGEN0001").WithLocation(location).WithArguments(method, what);

    private static DiagnosticResult HasBody(int location, string method, string implementation) =>
        RoslynTests.Diagnostic("AGEN0002").WithLocation(location).WithArguments(method, implementation);

    private static DiagnosticResult DerivativeOnGradientShape(int location, string method, string shape) =>
        RoslynTests.Diagnostic("AGEN0007").WithLocation(location).WithArguments(method, shape);

    /// <summary>
    /// A test of one document (<see cref="Header"/> prepended), fixed into <paramref name="fixedSource"/>, with the
    /// compiler's warnings checked too. Documentation comments are parsed, as the IDE parses them, but not checked:
    /// the test sources document nothing (CS1591).
    /// </summary>
    private static CodeFixTest<TCodeFix> Test<TCodeFix>(string source, string fixedSource, params DiagnosticResult[] expected)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CodeFixTest<TCodeFix>
        {
            TestCode = Header + source,
            FixedCode = Header + fixedSource,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
            CodeActionEquivalenceKey = EquivalenceKeys[typeof(TCodeFix)],
        };
        test.TestState.DocumentationMode = DocumentationMode.Parse;
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    private static Task VerifyAsync<TCodeFix>(string source, string fixedSource, DiagnosticResult[] expected, params string[] titles)
        where TCodeFix : CodeFixProvider, new() =>
        RunAsync(Test<TCodeFix>(source, fixedSource, expected), titles);

    /// <summary>The source has the diagnostic and stays as it is: no fix is offered (the framework fails on a fix that changes nothing, too).</summary>
    private static Task VerifyNoFixAsync<TCodeFix>(string source, DiagnosticResult expected)
        where TCodeFix : CodeFixProvider, new() =>
        RunAsync(Test<TCodeFix>(source, source, expected));

    /// <summary>Another document of the main project, and what it is after the fix.</summary>
    private static void AddDocument<TCodeFix>(CodeFixTest<TCodeFix> test, string source, string fixedSource)
        where TCodeFix : CodeFixProvider, new()
    {
        test.TestState.Sources.Add(Header + source);
        test.FixedState.Sources.Add(Header + fixedSource);
    }

    /// <summary>A second project of the solution, with one document, set up as the main one.</summary>
    private static void AddProject<TCodeFix>(CodeFixTest<TCodeFix> test, string source, string fixedSource)
        where TCodeFix : CodeFixProvider, new()
    {
        foreach (var (state, text) in new[] { (test.TestState, source), (test.FixedState, fixedSource) })
        {
            var project = state.AdditionalProjects["Second"];
            RoslynTests.Configure(project, designTime: true);
            project.DocumentationMode = DocumentationMode.Parse;
            project.Sources.Add(("/Second/Test0.cs", Header + text));
        }
    }

    /// <summary>
    /// Runs <paramref name="test"/>, checking that every code action the framework applies has one of
    /// <paramref name="titles"/> and that each of them is applied at least once.
    /// </summary>
    private static async Task RunAsync<TCodeFix>(CodeFixTest<TCodeFix> test, params string[] titles)
        where TCodeFix : CodeFixProvider, new()
    {
        var applied = new ConcurrentDictionary<string, bool>();
        test.CodeActionVerifier = (action, verifier) =>
        {
            verifier.True(titles.Contains(action.Title), $"Unexpected code action title \"{action.Title}\"; expected one of: {string.Join(" | ", titles)}");
            applied[action.Title] = true;
        };
        await test.RunAsync();
        Assert.Equal(titles.Distinct().Order(StringComparer.Ordinal), applied.Keys.Order(StringComparer.Ordinal));
    }
}
