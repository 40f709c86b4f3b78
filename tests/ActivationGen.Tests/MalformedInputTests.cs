using System;
using System.Linq;
using ActivationGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ActivationGen.Tests;

/// <summary>
/// Broken, odd or unusual input: the generator and the analyzer never throw, never write code that does not compile,
/// and when they write nothing for an annotated method, someone (the compiler or the analyzer) says why.
/// </summary>
public class MalformedInputTests
{
    public enum Outcome
    {
        /// <summary>Nothing is generated for the method.</summary>
        Nothing,

        /// <summary>The method is generated; the input has errors of its own elsewhere.</summary>
        Generated,

        /// <summary>The method is generated and the whole compilation has no warning or error.</summary>
        Clean,
    }

    /// <param name="Name">The theory row's name.</param>
    /// <param name="Source">The code after the usual usings and <c>namespace Test;</c> (unless <paramref name="Header"/> is false).</param>
    /// <param name="Expected">What the generator does with it.</param>
    /// <param name="Ours">The ActivationGen diagnostics expected, if any.</param>
    public sealed record Case(string Name, string Source, Outcome Expected, string[]? Ours = null, bool Header = true);

    private static readonly Case[] Cases =
    {
        // Attribute arguments.
        new("missing argument value", """
            public static partial class C { [Elu(Alpha = )] public static partial double M(double x); }
            """, Outcome.Nothing),
        new("unclosed argument list", """
            public static partial class C { [Elu(Alpha = 2] public static partial double M(double x); }
            """, Outcome.Nothing),
        new("string for a double", """
            public static partial class C { [Elu(Alpha = "x")] public static partial double M(double x); }
            """, Outcome.Nothing),
        new("fraction for Count", """
            public static partial class C { [SigmoidSum(Count = 1.5)] public static partial double M(double x); }
            """, Outcome.Nothing),
        new("unknown property", """
            public static partial class C { [Relu(Foo = 1)] public static partial double M(double x); }
            """, Outcome.Nothing),
        new("property of another activation", """
            public static partial class C { [Relu(Alpha = 2)] public static partial double M(double x); }
            """, Outcome.Nothing),
        new("positional argument", """
            public static partial class C { [Relu(true)] public static partial double M(double x); }
            """, Outcome.Nothing),
        new("non-constant argument", """
            public static partial class C { static double a = 1; [Elu(Alpha = a)] public static partial double M(double x); }
            """, Outcome.Nothing),
        new("empty argument list", """
            public static partial class C { [Relu()] public static partial double M(double x); }
            """, Outcome.Clean),
        new("every argument written out", """
            public static partial class C { [SigmoidSum(Count = 3, From = -1, To = 1, Scale = 2, Derivative = false)] public static partial double M(double x); }
            """, Outcome.Clean),
        new("attribute by its full name", """
            public static partial class C
            {
                [ActivationGen.ReluAttribute] public static partial double M(double x);
                [global::ActivationGen.Elu(Alpha = 2)] public static partial float F(float x);
            }
            """, Outcome.Clean),
        new("an unrelated attribute called Relu", """
            public static class Other { public sealed class ReluAttribute : Attribute { } }
            public static partial class C { [Other.Relu] public static partial double M(double x); }
            """, Outcome.Nothing),

        // Where the attribute is.
        new("attribute on a property", """
            public partial class C { [Relu] public double M => 0; }
            """, Outcome.Nothing),
        new("attribute on a partial property", """
            public partial class C { [Relu] public partial double M { get; } }
            """, Outcome.Nothing),
        new("attribute on a field", """
            public partial class C { [Relu] public double M; }
            """, Outcome.Nothing),
        new("attribute on a class", """
            [Relu] public partial class C { public static partial double M(double x); }
            """, Outcome.Nothing),
        new("attribute on a delegate", """
            [Relu] public delegate double D(double x);
            """, Outcome.Nothing),
        new("attribute on the return value", """
            public partial class C { [return: Relu] public static partial double M(double x); }
            """, Outcome.Nothing),
        new("attribute on a parameter", """
            public partial class C { public static partial double M([Relu] double x); }
            """, Outcome.Nothing),
        new("attribute with an explicit method target", """
            public partial class C { [method: Relu] public static partial double M(double x); }
            """, Outcome.Clean),
        new("attribute on a finalizer", """
            public partial class C { [Relu] ~C() { } }
            """, Outcome.Nothing, new[] { "AGEN0001" }),

        // Broken declarations and broken neighbours.
        new("method without a parameter list", """
            public static partial class C { [Relu] public static partial double M; }
            """, Outcome.Nothing),
        new("method without a return type", """
            public static partial class C { [Relu] public static partial M(double x); }
            """, Outcome.Nothing),
        new("partial method missing its semicolon", """
            public static partial class C { [Relu] public static partial double M(double x) }
            """, Outcome.Generated),
        new("class missing its closing brace", """
            public static partial class C { [Relu] public static partial double M(double x);
            """, Outcome.Generated),
        new("syntax error in the body of another member", """
            public static partial class C
            {
                [Relu] public static partial double M(double x);
                public static void Other() { int y = ; if (}
            }
            """, Outcome.Generated),
        new("type error in the body of another member", """
            public static partial class C
            {
                [Relu] public static partial double M(double x);
                public static void Other() { int y = "s"; }
            }
            """, Outcome.Generated),
        new("duplicate method", """
            public static partial class C
            {
                [Relu] public static partial double M(double x);
                [Relu] public static partial double M(double x);
            }
            """, Outcome.Nothing),
        new("duplicate of a method with a body", """
            public static partial class C
            {
                [Relu] public static partial double M(double x);
                public static double M(double y) => y;
            }
            """, Outcome.Nothing),
        new("duplicate parameter names", """
            public static partial class C { [Relu] public static partial void M(ReadOnlySpan<double> x, Span<double> x); }
            """, Outcome.Nothing),
        new("unresolved parameter type", """
            public static partial class C { [Relu] public static partial double M(Foo x); }
            """, Outcome.Nothing),
        new("unresolved span element type", """
            public static partial class C { [Relu] public static partial void M(Span<Foo> values); }
            """, Outcome.Nothing),
        new("abstract method", """
            public abstract partial class C { [Relu] public abstract partial double M(double x); }
            """, Outcome.Nothing),
        new("async method", """
            public partial class C { [Relu] public async partial void M(Span<double> values); }
            """, Outcome.Nothing),
        new("unsafe method without /unsafe", """
            public partial class C { [Relu] public unsafe partial double M(double x); }
            """, Outcome.Nothing),
        new("explicit interface implementation", """
            public interface I { double M(double x); }
            public partial class C : I { [Relu] partial double I.M(double x); }
            """, Outcome.Nothing),
        new("__arglist", """
            public static partial class C { [Relu] public static partial double M(double x, __arglist); }
            """, Outcome.Nothing, new[] { "AGEN0004" }),
        new("params array", """
            public static partial class C { [Relu] public static partial void M(params double[] values); }
            """, Outcome.Nothing, new[] { "AGEN0004" }),
        new("non-void partial method without accessibility", """
            public static partial class C { [Relu] static partial double M(double x); }
            """, Outcome.Nothing),
        new("virtual partial method without accessibility", """
            public partial class C { [Relu] virtual partial void M(Span<double> values); }
            """, Outcome.Nothing),
        new("void partial method without accessibility", """
            public static partial class C { [Relu] static partial void M(Span<double> values); public static void Use(Span<double> v) => M(v); }
            """, Outcome.Clean),
        new("instance method in a static class", """
            public static partial class C { [Relu] public partial double M(double x); }
            """, Outcome.Nothing),
        new("extension method in a non-static class", """
            public partial class C { [Relu] public static partial void M(this Span<double> values); }
            """, Outcome.Nothing),
        new("extension method in a generic static class", """
            public static partial class C<T> { [Relu] public static partial void M(this Span<double> values); }
            """, Outcome.Nothing),
        new("class nested in an interface", """
            public partial interface I { public partial class Inner { [Relu] public static partial double M(double x); } }
            """, Outcome.Nothing, new[] { "AGEN0012" }),

        // Unusual but valid: generated, and the whole compilation is clean.
        new("parameters named with keywords", """
            public static partial class C
            {
                [Relu] public static partial void M(ReadOnlySpan<double> @in, Span<double> @out);
                [Elu] public static partial void B(ReadOnlySpan<double> @ref, ReadOnlySpan<double> @this, Span<double> @params);
                [Softplus] public static partial void F(ReadOnlySpan<float> @in, Span<float> @out, Span<float> @return);
                [Sigmoid] public static partial double S(double @double);
                [Relu] public static partial void P(Span<double> @fixed);
            }
            """, Outcome.Clean),
        new("type and method named with keywords", """
            public static partial class @class { [Relu] public static partial double @double(double @float); }
            """, Outcome.Clean),
        new("extension methods in a static partial class", """
            public static partial class Extensions
            {
                [Relu] public static partial void Relu(this Span<double> values);
                [Elu] public static partial void Elu(this ReadOnlySpan<float> x, Span<float> destination);
                [Sigmoid] public static partial double Sigmoid(this double x);
            }
            """, Outcome.Clean),
        new("scoped span parameters", """
            public static partial class C
            {
                [Relu] public static partial void M(scoped ReadOnlySpan<double> x, scoped Span<double> destination);
                [Elu] public static partial void N(scoped Span<float> values);
            }
            """, Outcome.Clean),
        new("params span", """
            public static partial class C { [Relu] public static partial void M(params Span<double> values); }
            """, Outcome.Clean),
        new("default parameter value", """
            public static partial class C { [Relu] public static partial double M(double x = 1); }
            """, Outcome.Clean),
        new("readonly method in a partial struct", """
            public partial struct S
            {
                public double Scale;
                [Relu] public readonly partial double M(double x);
                [Elu] public partial void N(Span<double> values);
            }
            """, Outcome.Clean),
        new("readonly partial struct", """
            public readonly partial struct S { [Relu] public partial double M(double x); }
            """, Outcome.Clean),
        new("ref partial struct", """
            public ref partial struct S { [Relu] public partial double M(double x); [Elu] public static partial void N(Span<float> values); }
            """, Outcome.Clean),
        new("readonly ref partial struct", """
            public readonly ref partial struct S { [Relu] public partial double M(double x); }
            """, Outcome.Clean),
        new("record with a primary constructor", """
            public partial record R(int A) { [Relu] public partial double M(double x); }
            """, Outcome.Clean),
        new("record struct with a primary constructor", """
            public readonly partial record struct R(double Scale) { [Sigmoid] public partial double M(double x); }
            """, Outcome.Clean),
        new("class with a primary constructor", """
            public partial class C(double scale) { public double Scale => scale; [Softplus] public partial double M(double x); }
            """, Outcome.Clean),
        new("static and instance methods side by side", """
            public partial class C
            {
                [Relu] public partial double M(double x);
                [Relu] public static partial float M(float x);
                [Relu] private partial void M(Span<double> values);
                [Relu] internal virtual partial void M(ReadOnlySpan<double> x, Span<double> destination);
                [Relu] public static partial Vector128<float> M(Vector128<float> x);
                [Relu] public partial Vector256<float> M(Vector256<float> x);
                public void Use(Span<double> v) => M(v);
            }

            public sealed partial class D : C
            {
                [Relu] internal sealed override partial void M(ReadOnlySpan<double> x, Span<double> destination);
                [Elu] public new partial double M(double x);
            }
            """, Outcome.Clean),
        new("nested generic types", """
            public partial class Outer<T> where T : struct
            {
                internal partial struct Inner<U, V> where U : class, new()
                {
                    [Relu] public partial double M(double x);
                    [Elu] public static partial void N(Span<float> values);
                }
            }
            """, Outcome.Clean),
        new("attribute on a type parameter", """
            public partial class C<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.All)] T>
            {
                [Relu] public partial double M(double x);
            }
            """, Outcome.Clean),
        new("class in a struct in a record", """
            public partial record R { public partial struct S { public partial class K { [Relu] public static partial double M(double x); } } }
            """, Outcome.Clean),
        new("nullable disabled and warnings off", """
            #nullable disable
            #pragma warning disable
            public partial class C { [Relu] public static partial double M(double x); }
            """, Outcome.Clean),
        new("extreme finite constants", """
            public static partial class C
            {
                [SigmoidSum(From = -1e308, To = 1e308)] public static partial double M(double x);
                [SigmoidSum(Count = 1, Scale = 1e200)] public static partial float F(float x);
                [Sigmoid(Offset = double.MinValue)] public static partial double S(double x);
                [Sigmoid(Offset = double.Epsilon)] public static partial float T(float x);
                [Elu(Alpha = -1e280)] public static partial double E(double x);
            }
            """, Outcome.Clean),
        new("global namespace", """
            using System;
            using ActivationGen;

            public static partial class C { [Relu] public static partial void M(Span<double> values); }
            """, Outcome.Clean, Header: false),
        new("nested block namespaces", """
            using System;
            using ActivationGen;

            namespace A
            {
                namespace B.C
                {
                    public static partial class K { [Relu] public static partial void M(Span<double> values); }
                }
            }
            """, Outcome.Clean, Header: false),
        new("top-level statements with a partial Program", """
            using System;
            using ActivationGen;

            Console.WriteLine(M(1.0));

            partial class Program { [Relu] public static partial double M(double x); }
            """, Outcome.Clean, Header: false),
    };

    public static TheoryData<string> CaseNames => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Never_throws_and_never_writes_broken_code(string name)
    {
        var c = Cases.Single(c => c.Name == name);
        var source = c.Header ? Markup.Usings + c.Source : c.Source;
        var compilation = GeneratorHarness.CreateCompilation(source);
        if (name.StartsWith("top-level", StringComparison.Ordinal))
        {
            compilation = compilation.WithOptions(compilation.Options.WithOutputKind(OutputKind.ConsoleApplication));
        }

        var run = GeneratorHarness.Run(compilation);
        var ours = GeneratorHarness.AnalyzerDiagnostics(run.Output);

        Assert.Equal(c.Ours ?? Array.Empty<string>(), ours.Select(d => d.Id).ToArray());
        Assert.All(ours, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Markup.AssertNoProblemInGeneratedCode(run);
        switch (c.Expected)
        {
            case Outcome.Nothing:
                Markup.AssertNothingGenerated(run);
                Assert.True(
                    ours.Length > 0 || run.Output.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error),
                    "An annotated method that is not generated must come with an error saying why.");
                break;
            case Outcome.Generated:
                Assert.Contains(run.Sources, s => s.HintName.EndsWith(".Activation.g.cs", StringComparison.Ordinal));
                break;
            case Outcome.Clean:
                Assert.Contains(run.Sources, s => s.HintName.EndsWith(".Activation.g.cs", StringComparison.Ordinal));
                Assert.Empty(run.CompilerProblems);
                break;
        }
    }

    /// <summary>
    /// Roslyn compares hint names ignoring case, and the generated file's name is built from the method's name, so
    /// two methods whose names differ only in case collide and the generator throws (CS8785). The generator then
    /// gives the second file a hashed name (ActivationGenerator.AddMethodSource).
    /// </summary>
    [Fact]
    public void Methods_whose_names_differ_only_in_case() =>
        AssertGenerates("""
            public static partial class C
            {
                [Relu] public static partial double M(double x);
                [Relu] public static partial double m(double x);
            }
            """);

    /// <summary>
    /// The hint name joins namespace and type names with dots, so N.C.D (namespace N.C, type D) and N + C.D (type C,
    /// nested D) collide. The compiler already rejects this input (CS0101), but the generator must not throw.
    /// </summary>
    [Fact]
    public void Namespace_and_nested_type_with_the_same_dotted_name() =>
        AssertGenerates("""
            using ActivationGen;
            namespace N.C { public partial class D { [Relu] public static partial double M(double x); } }
            namespace N { public partial class C { public partial class D { [Relu] public static partial double M(double x); } } }
            """);

    private static void AssertGenerates(string source)
    {
        var run = GeneratorHarness.Run(source.StartsWith("using", StringComparison.Ordinal) ? source : Markup.Usings + source);
        Assert.Empty(GeneratorHarness.AnalyzerDiagnostics(run.Output));
        Markup.AssertNoProblemInGeneratedCode(run);
    }
}
