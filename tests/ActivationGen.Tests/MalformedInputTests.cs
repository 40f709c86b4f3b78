using System;
using System.Linq;
using System.Threading.Tasks;
using ActivationGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static ActivationGen.Tests.Infrastructure.RoslynTests;

namespace ActivationGen.Tests;

/// <summary>
/// Broken, odd or unusual input, checked with the Roslyn test framework in a real build and in a design-time build: the
/// generator never throws, never writes code that does not compile, never leaves CS8795 where a body could be given,
/// and every attribute it does not act on gets a diagnostic (its own, or the compiler's at the user's declaration).
/// Each case lists every diagnostic of the compilation by markup, so an extra one fails it.
/// </summary>
public class MalformedInputTests
{
    /// <param name="Name">The theory row's name.</param>
    /// <param name="Source">The code after the usual usings and <c>namespace Test;</c> (unless <paramref name="Header"/> is false).</param>
    /// <param name="Expected">ActivationGen's diagnostics (the compiler's are marked in the source).</param>
    public sealed record Case(string Name, string Source, DiagnosticResult[] Expected, bool Header = true);

    private const string Usings = """
        using System;
        using System.Runtime.Intrinsics;
        using ActivationGen;

        namespace Test;


        """;

    private static readonly DiagnosticResult[] None = Array.Empty<DiagnosticResult>();

    private static readonly Case[] Cases =
    {
        // Attribute arguments that do not bind: the compiler's error, and the method still gets a body (no CS8795).
        new("string for a double", """
            public static partial class C { [Elu(Alpha = {|CS0029:"x"|})] public static partial double M(double x); }
            """, None),
        new("fraction for Count", """
            public static partial class C { [SigmoidSum(Count = {|CS0266:1.5|})] public static partial double M(double x); }
            """, None),
        new("unknown property", """
            public static partial class C { [Relu({|CS0246:Foo|} = 1)] public static partial double M(double x); }
            """, None),
        new("property of another activation", """
            public static partial class C { [Relu({|CS0246:Alpha|} = 2)] public static partial double M(double x); }
            """, None),
        new("positional argument", """
            public static partial class C { [{|CS1729:Relu(true)|}] public static partial double M(double x); }
            """, None),
        new("non-constant argument", """
            public static partial class C { static double a = 1; [Elu(Alpha = {|CS0182:a|})] public static partial double M(double x); }
            """, None),
        new("empty argument list", """
            public static partial class C { [Relu()] public static partial double M(double x); }
            """, None),
        new("every argument written out", """
            public static partial class C { [SigmoidSum(Count = 3, From = -1, To = 1, Scale = 2, Derivative = false)] public static partial double M(double x); }
            """, None),
        new("attribute by its full name", """
            public static partial class C
            {
                [ActivationGen.ReluAttribute] public static partial double M(double x);
                [global::ActivationGen.Elu(Alpha = 2)] public static partial float F(float x);
            }
            """, None),
        new("an unrelated attribute called Relu", """
            public static class Other { public sealed class ReluAttribute : Attribute { } }
            public static partial class C { [Other.Relu] public static partial double {|CS8795:M|}(double x); }
            """, None),

        // Where the attribute is: the compiler rejects what is not a method.
        new("attribute on a property", """
            public partial class C { [{|CS0592:Relu|}] public double M => 0; }
            """, None),
        new("attribute on a field", """
            public partial class C { [{|CS0592:Relu|}] public double M; }
            """, None),
        new("attribute on a class", """
            [{|CS0592:Relu|}] public partial class C { public static partial double {|CS8795:M|}(double x); }
            """, None),
        new("attribute on a delegate", """
            [{|CS0592:Relu|}] public delegate double D(double x);
            """, None),
        new("attribute on the return value", """
            public partial class C { [return: {|CS0592:Relu|}] public static partial double {|CS8795:M|}(double x); }
            """, None),
        new("attribute on a parameter", """
            public partial class C { public static partial double {|CS8795:M|}([{|CS0592:Relu|}] double x); }
            """, None),
        new("attribute with an explicit method target", """
            public partial class C { [method: Relu] public static partial double M(double x); }
            """, None),
        new("attribute on a finalizer", """
            public partial class C { [{|#0:Relu|}] ~C() { } }
            """, new[] { At("AGEN0001", "C.~C()", "a method of the containing type and put the attribute there (ActivationGen implements partial methods, not finalizers)") }),

        // Declarations the compiler rejects: its error is the one shown, and no generated code repeats it.
        new("duplicate method", """
            public static partial class C
            {
                [Relu] public static partial double M(double x);
                [Relu] public static partial double {|CS0756:{|CS0111:M|}|}(double x);
            }
            """, None),
        new("duplicate of a method with a body", """
            public static partial class C
            {
                [Relu] public static partial double M(double x);
                public static double {|CS0111:M|}(double y) => y;
            }
            """, None),
        new("duplicate parameter names", """
            public static partial class C { [Relu] public static partial void {|CS8795:M|}(ReadOnlySpan<double> x, Span<double> {|CS0100:x|}); }
            """, None),
        new("unresolved parameter type", """
            public static partial class C { [Relu] public static partial double {|CS8795:M|}({|CS0246:Foo|} x); }
            """, None),
        new("unresolved span element type", """
            public static partial class C { [Relu] public static partial void {|CS8795:M|}(Span<{|CS0246:Foo|}> values); }
            """, None),
        new("async partial definition", """
            public partial class C { [Relu] public async partial void M(Span<double> values); }
            """, new[]
            {
                DiagnosticResult.CompilerError("CS1994").WithSpan(7, 59, 7, 60),
                DiagnosticResult.CompilerError("CS8795").WithSpan(7, 59, 7, 60).WithArguments("Test.C.M(System.Span<double>)"),
                DiagnosticResult.CompilerError("CS4012").WithSpan(7, 74, 7, 80).WithArguments("System.Span<double>"),
            }),
        new("unsafe method", """
            public partial class C { [Relu] public unsafe partial double M(double x); }
            """, None),
        new("non-void partial method without accessibility", """
            public static partial class C { [Relu] static partial double {|CS8796:M|}(double x); }
            """, None),
        new("virtual partial method without accessibility", """
            public partial class C { [Relu] virtual partial void {|CS8798:M|}(Span<double> values); }
            """, None),
        new("instance method in a static class", """
            public static partial class C { [Relu] public partial double {|CS0708:{|CS8795:M|}|}(double x); }
            """, None),
        new("extension method in a non-static class", """
            public partial class {|CS1106:C|} { [Relu] public static partial void {|CS8795:M|}(this Span<double> values); }
            """, None),
        new("extension method in a generic static class", """
            public static partial class {|CS1106:C|}<T> { [Relu] public static partial void {|CS8795:M|}(this Span<double> values); }
            """, None),

        // Modifiers and parameter forms the compiler rejects but the generated part, built from the symbol, does not repeat.
        new("params that is not last", """
            public static partial class C { [Relu] public static partial void M({|CS0231:params ReadOnlySpan<double> x|}, Span<double> destination); }
            """, None),
        new("modifier written twice", """
            public static partial class C { [Relu] public {|CS1004:public|} static partial double M(double x); }
            """, None),
        new("readonly on a class method", """
            public partial class C { [Relu] public readonly partial double {|CS0106:M|}(double x); }
            """, None),
        new("static virtual in a class", """
            public partial class C { [Relu] public static virtual partial double {|CS0112:M|}(double x); }
            """, None),

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
            """, None),
        new("type and method named with keywords", """
            public static partial class @class { [Relu] public static partial double @double(double @float); }
            """, None),
        new("members named like what generated code uses", """
            public partial class C
            {
                public static int nameof(object o) => 0;
                public static int x;
                public static int destination;
                public static int values;
                public static int gradOutput;
                public class Vector512 { }
                public class Vector128 { }
                public class Math { }
                public class ActivationGen { }
                public class System { }
                public static int global;
                [Relu] public static partial void M(ReadOnlySpan<float> x, Span<float> destination);
                [Elu] public static partial void I(Span<double> values);
                [Sigmoid] public static partial void B(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);
                [Softplus] public static partial void F(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);
                [Tanh] public static partial global::System.Runtime.Intrinsics.Vector512<float> V(global::System.Runtime.Intrinsics.Vector512<float> x);
                [Gelu] public static partial float S(float x);
            }
            """, None),
        new("extension methods in a static partial class", """
            public static partial class Extensions
            {
                [Relu] public static partial void Relu(this Span<double> values);
                [Elu] public static partial void Elu(this ReadOnlySpan<float> x, Span<float> destination);
                [Sigmoid] public static partial double Sigmoid(this double x);
            }
            """, None),
        new("scoped span parameters", """
            public static partial class C
            {
                [Relu] public static partial void M(scoped ReadOnlySpan<double> x, scoped Span<double> destination);
                [Elu] public static partial void N(scoped Span<float> values);
            }
            """, None),
        new("params span", """
            public static partial class C { [Relu] public static partial void M(params Span<double> values); }
            """, None),
        new("default parameter value", """
            public static partial class C { [Relu] public static partial double M(double x = 1); }
            """, None),
        new("void partial method without accessibility", """
            public static partial class C { [Relu] static partial void M(Span<double> values); public static void Use(Span<double> v) => M(v); }
            """, None),
        new("readonly method in a partial struct", """
            public partial struct S
            {
                public double Scale;
                [Relu] public readonly partial double M(double x);
                [Elu] public partial void N(Span<double> values);
            }
            """, None),
        new("readonly partial struct", """
            public readonly partial struct S { [Relu] public partial double M(double x); }
            """, None),
        new("ref partial struct", """
            public ref partial struct S { [Relu] public partial double M(double x); [Elu] public static partial void N(Span<float> values); }
            """, None),
        new("readonly ref partial struct", """
            public readonly ref partial struct S { [Relu] public partial double M(double x); }
            """, None),
        new("record with a primary constructor", """
            public partial record R(int A) { [Relu] public partial double M(double x); }
            """, None),
        new("record struct with a primary constructor", """
            public readonly partial record struct R(double Scale) { [Sigmoid] public partial double M(double x); }
            """, None),
        new("class with a primary constructor", """
            public partial class C(double scale) { public double Scale => scale; [Softplus] public partial double M(double x); }
            """, None),
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
            """, None),
        new("protected and private protected methods", """
            public partial class C
            {
                [Relu] protected partial double A(double x);
                [Relu] protected internal partial double B(double x);
                [Relu] private protected partial double D(double x);
            }
            """, None),
        new("nested generic types", """
            public partial class Outer<T> where T : struct
            {
                internal partial struct Inner<U, V> where U : class, new()
                {
                    [Relu] public partial double M(double x);
                    [Elu] public static partial void N(Span<float> values);
                }
            }
            """, None),
        new("attribute on a type parameter", """
            public partial class C<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.All)] T>
            {
                [Relu] public partial double M(double x);
            }
            """, None),
        new("class in a struct in a record", """
            public partial record R { public partial struct S { public partial class K { [Relu] public static partial double M(double x); } } }
            """, None),
        new("nullable disabled and warnings off", """
            #nullable disable
            #pragma warning disable
            public partial class C { [Relu] public static partial double M(double x); }
            """, None),
        new("extreme finite constants", """
            public static partial class C
            {
                [SigmoidSum(From = -1e308, To = 1e308)] public static partial double M(double x);
                [SigmoidSum(Count = 1, Scale = 1e200)] public static partial float F(float x);
                [Sigmoid(Offset = double.MinValue)] public static partial double S(double x);
                [Sigmoid(Offset = double.Epsilon)] public static partial float T(float x);
                [Elu(Alpha = -1e280)] public static partial double E(double x);
            }
            """, None),
        new("global namespace", """
            using System;
            using ActivationGen;

            public static partial class C { [Relu] public static partial void M(Span<double> values); }
            """, None, Header: false),
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
            """, None, Header: false),

        // File names that would collide (hint names compare ignoring case, and allow only some characters).
        new("methods whose names differ only in case", """
            public static partial class C
            {
                [Relu] public static partial double M(double x);
                [Relu] public static partial double m(double x);
            }
            """, None),
        new("types whose names differ only in case", """
            public static partial class Layer { [Relu] public static partial double M(double x); }
            public static partial class layer { [Relu] public static partial double M(double x); }
            """, None),
        new("namespaces that differ only in case", """
            using System;
            using ActivationGen;

            namespace Net.A { public static partial class C { [Relu] public static partial double M(double x); } }
            namespace Net.a { public static partial class C { [Relu] public static partial double M(double x); } }
            """, None, Header: false),
        new("a generic type next to its sanitized name", """
            public static partial class C<T> { [Relu] public static partial double M(double x); }
            public static partial class C_T_ { [Relu] public static partial double M(double x); }
            """, None),
        new("a name with a connector character next to an underscore", """
            public static partial class C
            {
                [Relu] public static partial double M_1(double x);
                [Relu] public static partial double M‿1(double x);
            }
            """, None),
        new("a name with a combining mark next to its sanitized name", """
            public static partial class C
            {
                [Relu] public static partial double Me\u0301(double x);
                [Relu] public static partial double Me_(double x);
            }
            """, None),
        new("overloads that both get a body that throws", """
            public static partial class C
            {
                [Relu] public static partial int {|#0:M|}(int x);
                [Relu] public static partial long {|#1:M|}(long x);
            }
            """, new[]
            {
                Diagnostic("AGEN0004").WithSpan(9, 34, 9, 37).WithArguments("M", "the return type is 'int'"),
                Diagnostic("AGEN0004").WithSpan(10, 34, 10, 38).WithArguments("M", "the return type is 'long'"),
            }),
        new("a namespace and a nested type with the same dotted name", """
            using ActivationGen;
            namespace N.C { public partial class D { [Relu] public static partial double M(double x); } }
            namespace N { public partial class {|CS0101:C|} { public partial class D { [Relu] public static partial double M(double x); } } }
            """, None, Header: false),
    };

    public static TheoryData<string> CaseNames => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task Never_throws_and_never_writes_broken_code(string name)
    {
        var c = Cases.Single(c => c.Name == name);
        return VerifyAsync(c.Header ? Usings + c.Source : c.Source, c.Expected);
    }

    /// <summary>
    /// Syntax errors: the compiler stops at them, so what matters is that the generator does not throw and writes
    /// nothing with an error of its own.
    /// </summary>
    [Theory]
    [InlineData("public static partial class C { [Elu(Alpha = )] public static partial double M(double x); }")]
    [InlineData("public static partial class C { [Elu(Alpha = 2] public static partial double M(double x); }")]
    [InlineData("public static partial class C { [Relu] public static partial double M; }")]
    [InlineData("public static partial class C { [Relu] public static partial M(double x); }")]
    [InlineData("public static partial class C { [Relu] public static partial double M(double x) }")]
    [InlineData("public static partial class C { [Relu] public static partial double M(double x);")]
    [InlineData("public static partial class C { [Relu] public static partial double M(double x); public static void Other() { int y = ; if (} }")]
    [InlineData("public partial class C { [Relu] public static partial void M(ReadOnlySpan<double> x, Span<double> d, __arglist, double y); }")]
    public void Syntax_errors_never_break_the_generator(string source)
    {
        var run = GeneratorHarness.Run(Usings + source);
        run.AssertNoProblemInGeneratedCode();
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Id is "CS8784" or "CS8785");
    }

    /// <summary>A top-level program with a partial Program class: generated and clean.</summary>
    [Fact]
    public async Task Top_level_statements_with_a_partial_Program()
    {
        var test = new GeneratorTest(designTime: false)
        {
            TestCode = """
                using System;
                using ActivationGen;

                Console.WriteLine(M(1.0));

                partial class Program { [Relu] public static partial double M(double x); }
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    private static DiagnosticResult At(string id, params string[] arguments) =>
        Diagnostic(id).WithLocation(0).WithArguments(arguments);
}
