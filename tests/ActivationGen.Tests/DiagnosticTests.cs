using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ActivationGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static ActivationGen.Tests.Infrastructure.RoslynTests;

namespace ActivationGen.Tests;

/// <summary>
/// One case per compile-time error of API.md and per diagnostic id, checked with the Roslyn test framework in a real
/// build (the generator reports) and in a design-time build (the analyzer reports): exactly the expected diagnostics,
/// each once, at the marked text (<c>{|#0:…|}</c>), with its whole message; the compiler's own errors for the user's
/// declaration where there are any (<c>{|CSxxxx:…|}</c>), never CS8795 where the method can have a body, and no
/// diagnostic in a generated file.
/// </summary>
public class DiagnosticTests
{
    /// <param name="Name">What the case shows; the theory row's name.</param>
    /// <param name="Source">A compilation unit after the usings and the namespace.</param>
    /// <param name="Expected">The diagnostics of ActivationGen, at their marked locations.</param>
    public sealed record Case(string Name, string Source, params DiagnosticResult[] Expected);

    private const string Header = """
        using System;
        using System.Runtime.Intrinsics;
        using ActivationGen;

        namespace Test;


        """;

    private static readonly Case[] Cases =
    {
        // AGEN0001: the method or a containing type not partial, or an attribute where no partial method is.
        new("method not partial", """
            public static partial class C
            {
                [Relu] public static double {|#0:{|CS0501:M|}|}(double x);
            }
            """, At("AGEN0001", "M", "the method")),
        new("method not partial, without accessibility", """
            public static partial class C
            {
                [Relu] static double {|#0:M|}(double x) => x;
            }
            """, At("AGEN0001", "M", "the method")),
        new("method not partial, with a body", """
            public static partial class C
            {
                [Relu] public static double {|#0:M|}(double x) => x;
            }
            """, At("AGEN0001", "M", "the method")),
        new("async method with a body: not partial, and no shape (two mistakes)", """
            public partial class C
            {
                [Relu] public async {|#1:System.Threading.Tasks.Task|} {|#0:M|}() => await System.Threading.Tasks.Task.Yield();
            }
            """, At("AGEN0001", "M", "the method"), Diagnostic("AGEN0004").WithLocation(1).WithArguments("M", "the return type is 'Task'")),
        new("containing type not partial", """
            public static class {|CS0260:C|}
            {
                [Relu] public static partial double {|#0:M|}(double x);
            }
            """, At("AGEN0001", "M", "type 'C'")),
        new("nested containing type not partial", """
            public partial class Outer
            {
                public class {|CS0260:Inner|}
                {
                    [Relu] public partial double {|#0:M|}(double x);
                }
            }
            """, At("AGEN0001", "M", "type 'Inner'")),
        new("outer containing type not partial", """
            public class {|CS0260:Outer|}
            {
                public partial class Inner
                {
                    [Relu] public partial double {|#0:M|}(double x);
                }
            }
            """, At("AGEN0001", "M", "type 'Outer'")),
        new("method and both containing types not partial, one error", """
            public class Outer
            {
                public class Inner
                {
                    [Relu] public double {|#0:{|CS0501:M|}|}(double x);
                }
            }
            """, At("AGEN0001", "M", "the method, type 'Inner' and type 'Outer'")),
        new("attribute on a local function", """
            public static partial class C
            {
                public static double F(double y)
                {
                    return L(y);

                    [Relu] static double {|#0:L|}(double x) => x;
                }
            }
            """, At("AGEN0001", "L", OtherFunction("local functions"))),
        new("attribute on a property accessor", """
            public partial class C
            {
                public double P { [{|#0:Relu|}] get => 0; }
            }
            """, At("AGEN0001", "C.P.get", OtherFunction("accessors"))),
        new("attribute on an operator", """
            public partial class C
            {
                [{|#0:Relu|}] public static C operator +(C a, C b) => a;
            }
            """, At("AGEN0001", "C.operator +(C, C)", OtherFunction("operators"))),
        new("attribute on a lambda", """
            public static partial class C
            {
                public static Func<double, double> F = [{|#0:Relu|}] (double x) => x;
            }
            """, At("AGEN0001", "lambda", OtherFunction("lambdas"))),

        // AGEN0002: the method has an implementation already.
        new("method with a body and no other part", """
            public static partial class C
            {
                [Relu] public static partial double {|#0:M|}(double x) => x;
            }
            """, At("AGEN0002", "M", "its body")),
        new("user wrote both parts, attribute on the definition", """
            public static partial class C
            {
                [Relu] public static partial double {|#0:M|}(double x);

                public static partial double M(double x) => x;
            }
            """, At("AGEN0002", "M", "the other partial declaration, the one with a body")),
        new("user wrote both parts, attribute on the implementation", """
            public static partial class C
            {
                public static partial double M(double x);

                [Relu] public static partial double {|#0:M|}(double x) => x;
            }
            """, At("AGEN0002", "M", "its body")),
        new("user wrote both parts, another attribute on the implementation", """
            public static partial class C
            {
                [Relu] public static partial double {|#0:M|}(double x);

                [Obsolete] public static partial double M(double x) => x;
            }
            """, At("AGEN0002", "M", "the other partial declaration, the one with a body")),
        new("extern partial", """
            public static partial class C
            {
                [Relu] public static extern partial double {|#0:M|}(double x);
            }
            """, At("AGEN0002", "M", "'extern'")),
        new("extern partial implementing a definition", """
            public static partial class C
            {
                public static partial double M(double x);

                [Relu] public static extern partial double {|#0:M|}(double x);
            }
            """, At("AGEN0002", "M", "'extern'")),

        // AGEN0003: only this error (the signature is not judged): the method gets a body that throws.
        new("generic method", """
            public static partial class C
            {
                [Relu] public static partial double M{|#0:<T>|}(double x);
            }
            """, At("AGEN0003", "M")),
        new("generic method with constraints and a T parameter", """
            public partial class C
            {
                [Relu] public partial T M{|#0:<T, U>|}(T x, U? y) where T : struct, IComparable<T> where U : class?, new();
            }
            """, At("AGEN0003", "M")),

        // AGEN0004: the message names what is wrong, located there, and the accepted shapes.
        Signature("int element", "public static partial {|#0:int|} M(int x);", "the return type is 'int'"),
        Signature("int parameter", "public static partial void M(ReadOnlySpan<double> x, {|#0:Span<int>|} destination);", "parameter 'destination' is 'Span<int>'"),
        Signature("Half element", "public static partial {|#0:Half|} M(Half x);", "the return type is 'Half'"),
        Signature("nullable double", "public static partial {|#0:double?|} M(double? x);", "the return type is 'double?'"),
        Signature("System.Numerics.Vector", "public static partial {|#0:System.Numerics.Vector<double>|} M(System.Numerics.Vector<double> x);", "the return type is 'Vector<double>'"),
        Signature("Span<T> x in the position of shape 2's ReadOnlySpan", "public static partial void M({|#0:Span<double>|} x, Span<double> destination);",
            "parameter 'x' is 'Span<double>' where void M(ReadOnlySpan<T> x, Span<T> destination) has ReadOnlySpan<T>"),
        Signature("ReadOnlySpan<T> for the in-place shape", "public static partial void M({|#0:ReadOnlySpan<double>|} values);",
            "parameter 'values' is 'ReadOnlySpan<double>' where void M(Span<T> values) has Span<T>"),
        Signature("span shape returning a value", "public static partial {|#0:double|} M(ReadOnlySpan<double> x, Span<double> destination);",
            "the return type is 'double' where void M(ReadOnlySpan<T> x, Span<T> destination) returns void"),
        Signature("scalar in, nothing out", "public static partial {|#0:void|} M(double x);", "the return type is 'void' where T M(T x) returns T"),
        Signature("no parameter", "public static partial double M{|#0:()|};", "it has no parameter"),
        Signature("two scalar parameters", "public static partial double M({|#0:double|} x, double y);",
            "parameter 'x' is 'double' where void M(ReadOnlySpan<T> x, Span<T> destination) has ReadOnlySpan<T>"),
        Signature("backward with a Span gradient", "public static partial void M(ReadOnlySpan<double> x, Span<double> gradOutput, {|#0:ReadOnlySpan<double>|} gradInput);",
            "parameter 'gradInput' is 'ReadOnlySpan<double>' where void M(ReadOnlySpan<T> x, Span<T> destination, Span<T> derivative) has Span<T>"),
        Signature("four span parameters", "public static partial void M{|#0:(ReadOnlySpan<double> x, ReadOnlySpan<double> g, Span<double> d, Span<double> e)|};",
            "it has 4 parameters, and every shape has 1 to 3"),
        Signature("ref parameter", "public static partial double M({|#0:ref|} double x);", "parameter 'x' is passed by 'ref'"),
        Signature("out parameter", "public static partial double M({|#0:out|} double x);", "parameter 'x' is passed by 'out'"),
        Signature("in parameter", "public static partial double M({|#0:in|} double x);", "parameter 'x' is passed by 'in'"),
        Signature("ref readonly parameter", "public static partial double M({|#0:ref|} readonly double x);", "parameter 'x' is passed by 'ref readonly'"),
        Signature("ref span parameter", "public static partial void M({|#0:ref|} Span<double> values);", "parameter 'values' is passed by 'ref'"),
        Signature("ref return", "public static partial {|#0:ref double|} M(double x);", "it returns by 'ref'"),
        Signature("ref readonly return", "public static partial {|#0:ref readonly double|} M(double x);", "it returns by 'ref readonly'"),
        Signature("Vector128 in, Vector256 out", "public static partial {|#0:Vector256<double>|} M(Vector128<double> x);",
            "the return type is 'Vector256<double>' where Vector128<T> M(Vector128<T> x) returns Vector128<T>"),
        Signature("Vector512 in, scalar out", "public static partial {|#0:double|} M(Vector512<double> x);",
            "the return type is 'double' where Vector512<T> M(Vector512<T> x) returns Vector512<T>"),
        Signature("__arglist", "public static partial double M(double x, {|#0:__arglist|});", "'__arglist' is not a parameter it can take"),
        Signature("params array", "public static partial void M(params {|#0:double[]|} values);", "parameter 'values' is 'double[]'"),

        // AGEN0005: the parameter (or return type) that differs from the first parameter.
        Mixed("float result of a double", "public static partial {|#0:float|} M(double x);", "the return type is 'float' and 'x' is 'double'"),
        Mixed("float span into a double span", "public static partial void M(ReadOnlySpan<float> x, {|#0:Span<double>|} destination);",
            "parameter 'destination' is 'Span<double>' and 'x' is 'ReadOnlySpan<float>'"),
        Mixed("backward with a float gradient", "public static partial void M(ReadOnlySpan<double> x, {|#0:ReadOnlySpan<float>|} gradOutput, Span<double> gradInput);",
            "parameter 'gradOutput' is 'ReadOnlySpan<float>' and 'x' is 'ReadOnlySpan<double>'"),
        Mixed("fused with a float derivative", "public static partial void M(ReadOnlySpan<double> x, Span<double> destination, {|#0:Span<float>|} derivative);",
            "parameter 'derivative' is 'Span<float>' and 'x' is 'ReadOnlySpan<double>'"),
        Mixed("Vector128<float> of Vector128<double>", "public static partial {|#0:Vector128<float>|} M(Vector128<double> x);",
            "the return type is 'Vector128<float>' and 'x' is 'Vector128<double>'"),

        // AGEN0006: at the second attribute.
        new("two activation attributes in one list", """
            public static partial class C
            {
                [Relu, {|#0:Elu|}] public static partial double M(double x);
            }
            """, At("AGEN0006", "M", "[Relu], [Elu]")),
        new("two activation attributes in two lists", """
            public static partial class C
            {
                [Sigmoid(Offset = 1)]
                [{|#0:Softplus|}]
                public static partial void M(Span<float> values);
            }
            """, At("AGEN0006", "M", "[Sigmoid], [Softplus]")),

        // AGEN0007: located on the argument.
        new("Derivative = true on the backward shape", """
            public static partial class C
            {
                [Elu(Alpha = 2, {|#0:Derivative = true|})]
                public static partial void M(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput);
            }
            """, At("AGEN0007", "M", "backward")),
        new("Derivative = true on the fused shape", """
            public static partial class C
            {
                [Softplus({|#0:Derivative = true|})]
                public static partial void M(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);
            }
            """, At("AGEN0007", "M", "fused")),

        // AGEN0009: Count must be in [1, 10000].
        Count("0"),
        Count("-5"),
        Count("10001"),
        Count("int.MinValue", "-2147483648"),
        Count("int.MaxValue", "2147483647"),

        // AGEN0010: located on From, or on To when From is left at its default.
        new("From > To", """
            public static partial class C
            {
                [SigmoidSum(Count = 10, {|#0:From = 5|}, To = 1)] public static partial double M(double x);
            }
            """, At("AGEN0010", "5", "1")),
        new("default From > To", """
            public static partial class C
            {
                [SigmoidSum({|#0:To = -0.5|})] public static partial double M(double x);
            }
            """, At("AGEN0010", "0", "-0.5")),

        // AGEN0012: the containing type; one error, whatever else the type lacks.
        new("method in an interface", """
            public partial interface I
            {
                [Relu] public static partial double {|#0:M|}(double x);
            }
            """, At("AGEN0012", "M", "interface 'I'")),
        new("method in an interface that is not partial", """
            public interface {|CS0260:I|}
            {
                [Relu] public static partial double {|#0:M|}(double x);
            }
            """, At("AGEN0012", "M", "interface 'I'")),
        new("abstract member of an interface", """
            public interface I
            {
                [Relu] double {|#0:M|}(double x);
            }
            """, At("AGEN0012", "M", "interface 'I'")),
        new("static abstract member of an interface", """
            public interface I<TSelf> where TSelf : I<TSelf>
            {
                [Relu] static abstract double {|#0:M|}(double x);
            }
            """, At("AGEN0012", "M", "interface 'I'")),
        new("class nested in an interface", """
            public partial interface I
            {
                public partial class Inner { [Relu] public static partial double {|#0:M|}(double x); }
            }
            """, At("AGEN0012", "M", "interface 'I'")),
        new("method in a file-local type", """
            file static partial class C
            {
                [Relu] public static partial double {|#0:{|CS8795:M|}|}(double x);
            }
            """, At("AGEN0012", "M", "file-local type 'C'")),

        // AGEN0013: located on the argument.
        new("Celu Alpha = 0", """
            public static partial class C
            {
                [Celu({|#0:Alpha = 0|})] public static partial double M(double x);
            }
            """, At("AGEN0013", "Alpha", "0", "Celu divides x by Alpha, give it a nonzero value")),
        new("Softplus Beta = -0", """
            public static partial class C
            {
                [Softplus({|#0:Beta = -0.0|})] public static partial float M(float x);
            }
            """, At("AGEN0013", "Beta", "0", "Softplus divides by Beta, give it a nonzero value")),
        new("Gelu with an unnamed GeluApproximation", """
            public static partial class C
            {
                [Gelu({|#0:Approximate = (GeluApproximation)2|})] public static partial double M(double x);
            }
            """, At("AGEN0013", "Approximate", "2", "use GeluApproximation.None or GeluApproximation.Tanh")),

        // AGEN0014: located on Min, or on Max when Min is left at its default.
        new("HardTanh Min = Max", """
            public static partial class C
            {
                [HardTanh({|#0:Min = 2|}, Max = 2)] public static partial double M(double x);
            }
            """, At("AGEN0014", "2", "2")),
        new("HardTanh default Min > Max", """
            public static partial class C
            {
                [HardTanh({|#0:Max = -3|})] public static partial void M(Span<float> values);
            }
            """, At("AGEN0014", "-1", "-3")),

        // AGEN0015: located on the argument; names the attributes that support it.
        new("FromOutput on an attribute without it", """
            public static partial class C
            {
                [Gelu({|#0:FromOutput = true|})]
                public static partial void M(ReadOnlySpan<float> y, ReadOnlySpan<float> gradOutput, Span<float> gradInput);
            }
            """, At("AGEN0015", "is not supported by [Gelu]")),
        new("FromOutput on LeakyRelu with a negative slope", """
            public static partial class C
            {
                [LeakyRelu(NegativeSlope = -0.5, {|#0:FromOutput = true|})]
                public static partial void M(ReadOnlySpan<double> y, ReadOnlySpan<double> gradOutput, Span<double> gradInput);
            }
            """, At("AGEN0015", "is not supported by [LeakyRelu] with NegativeSlope = -0.5 (the output does not tell the sign of x)")),
        new("FromOutput on Elu with a negative Alpha", """
            public static partial class C
            {
                [Elu(Alpha = -1, {|#0:FromOutput = true|})]
                public static partial void M(ReadOnlySpan<float> y, ReadOnlySpan<float> gradOutput, Span<float> gradInput);
            }
            """, At("AGEN0015", "is not supported by [Elu] with Alpha = -1 (the output does not tell the sign of x)")),
        new("FromOutput on the span shape", """
            public static partial class C
            {
                [Sigmoid({|#0:FromOutput = true|})] public static partial void M(ReadOnlySpan<float> x, Span<float> destination);
            }
            """, At("AGEN0015", "needs the backward shape, and 'M' is not a backward method")),

        // AGEN0018: a method that cannot be partial.
        new("abstract method", """
            public abstract partial class C
            {
                [Relu] public {|#0:abstract|} double M(double x);
            }
            """, At("AGEN0018", "M", "is abstract", "put the attribute on a partial method of a derived type and call it from the override")),
        new("abstract override method", """
            public abstract class B { public abstract double M(double x); }
            public abstract partial class C : B
            {
                [Relu] public {|#0:abstract|} override double M(double x);
            }
            """, At("AGEN0018", "M", "is abstract", "put the attribute on a partial method of a derived type and call it from the override")),
        new("explicit interface implementation", """
            public interface I { double M(double x); }
            public partial class C : I
            {
                [Relu] double {|#0:I.|}M(double x) => x;
            }
            """, At("AGEN0018", "M", "is an explicit interface implementation", "declare a partial method with the attribute and call it from the implementation")),

        // AGEN0016: at the construct a definition may not contain; once however many methods use the definition.
        new("[Activation] definition calls Math.Sin", """
            public static partial class C
            {
                public static double F(double x) => x * {|#0:Math.Sin(x)|};

                [Activation(nameof(F))] public static partial double M(double x);
                [Activation(nameof(F), Derivative = true)] public static partial void N(ReadOnlySpan<float> x, Span<float> destination);
            }
            """, At("AGEN0016", "'Math.Sin'", "C.F", "supported: " + Supported)),
        new("[Activation] definition with a loop", """
            public static partial class C
            {
                public static double F(double x)
                {
                    var y = x;
                    {|#0:for (var i = 0; i < 3; i++) y = y * x;|}
                    return y;
                }

                [Activation(nameof(F))] public static partial double M(double x);
            }
            """, At("AGEN0016", "'for (var i = 0; i < 3; i++) y = y * x;'", "C.F", "a definition is an expression body, or local declarations followed by one return")),
        new("[Activation] definition reads a non-constant field", """
            public static partial class C
            {
                public static double Scale = 2;
                public static double F(double x) => {|#0:Scale|} * x;

                [Activation(nameof(F))] public static partial double M(double x);
            }
            """, At("AGEN0016", "the non-constant field 'Scale'", "C.F", "supported: " + Supported)),
        new("[Activation] definition calls itself through another", """
            public static partial class C
            {
                public static double F(double x) => G(x) + 1;
                public static double G(double x) => x > 0 ? x : {|#0:F(x - 1)|};

                [Activation(nameof(F))] public static partial double M(double x);
            }
            """, At("AGEN0016", "the recursive call 'C.F'", "C.G", "a definition may call other definitions, but not itself, directly or through others")),
        new("[Activation] definition with Pow of a non-integer", """
            public static partial class C
            {
                public static double F(double x) => Math.Pow(x, {|#0:1.5|});

                [Activation(nameof(F))] public static partial double M(double x);
            }
            """, At("AGEN0016", "the exponent '1.5' of Pow", "C.F", "Pow(a, n) is supported with n an integer constant between -64 and 64")),

        // AGEN0017: at the name; says what was found instead.
        new("[Activation] names nothing", """
            public static partial class C
            {
                [Activation({|#0:"Swish"|})] public static partial double M(double x);
            }
            """, At("AGEN0017", "Swish", "no member named 'Swish' was found in 'C'; for a definition in another type write [Activation(typeof(Type), nameof(Type.F))]")),
        new("[Activation] names a property", """
            public static partial class C
            {
                public static double Swish => 1;
                [Activation({|#0:nameof(Swish)|})] public static partial double M(double x);
            }
            """, At("AGEN0017", "Swish", "'C.Swish' is a property, not a method; a definition is a static method double F(double x) or float F(float x)")),
        new("[Activation] names an instance method", """
            public partial class C
            {
                public double Swish(double x) => x;
                [Activation({|#0:nameof(Swish)|})] public partial double M(double x);
            }
            """, At("AGEN0017", "Swish", "'C.Swish' is not static; a definition is a static method double F(double x) or float F(float x) declared in this compilation")),
        new("[Activation] names a method of two parameters in another type", """
            public static class Defs { public static double F(double x, double y) => x * y; }
            public static partial class C
            {
                [Activation(typeof(Defs), {|#0:nameof(Defs.F)|})] public static partial double M(double x);
            }
            """, At("AGEN0017", "F", "'Defs.F' takes 2 parameters, not one; a definition is a static method double F(double x) or float F(float x) declared in this compilation")),
        new("[Activation] with Derivative on the fused shape", """
            public static partial class C
            {
                public static double F(double x) => x * x;
                [Activation(nameof(F), {|#0:Derivative = true|})]
                public static partial void M(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative);
            }
            """, At("AGEN0007", "M", "fused")),
        new("[Activation] with FromOutput", """
            public static partial class C
            {
                public static double F(double x) => x * x;
                [Activation(nameof(F), {|#0:FromOutput = true|})]
                public static partial void M(ReadOnlySpan<float> y, ReadOnlySpan<float> gradOutput, Span<float> gradInput);
            }
            """, At("AGEN0015", "is not supported by [Activation]")),

        // Two mistakes in one method: two errors, one each.
        new("two independent mistakes", """
            public static partial class C
            {
                [SigmoidSum({|#0:Count = 0|}, {|#1:Scale = double.NaN|})] public static partial double M(double x);
            }
            """, At("AGEN0009", "0", "10000"), Diagnostic("AGEN0008").WithLocation(1).WithArguments("Scale", "NaN")),
    };

    public static TheoryData<string> CaseNames => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task Reports_each_mistake_once(string name)
    {
        var c = Cases.Single(c => c.Name == name);
        return VerifyAsync(Header + c.Source, c.Expected);
    }

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
    public Task Reports_a_non_finite_parameter(string attribute, string property, string value, string description) =>
        VerifyAsync(
            Header + $$"""
            public static partial class C
            {
                [{{attribute}}({|#0:{{property}} = {{value}}|})] public static partial double M(double x);
            }
            """,
            At("AGEN0008", property, description));

    public static TheoryData<string, string> ValidShapes
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var t in new[] { "float", "double" })
            {
                data.Add("[Sigmoid(Offset = -1.5)]", $"public static partial {t} M({t} x);");
                data.Add("[SigmoidSum(Count = 7, From = -3, To = 3, Scale = 0.5)]", $"public static partial void M(ReadOnlySpan<{t}> x, Span<{t}> destination);");
                data.Add("[Softplus(Derivative = true)]", $"public partial void M(Span<{t}> values);");
                data.Add("[Relu]", $"internal static partial void M(ReadOnlySpan<{t}> x, ReadOnlySpan<{t}> gradOutput, Span<{t}> gradInput);");
                data.Add("[Elu(Alpha = 0.25)]", $"private static partial void M(ReadOnlySpan<{t}> x, Span<{t}> destination, Span<{t}> derivative);");
                data.Add("[Elu(Derivative = true)]", $"public static partial Vector128<{t}> M(Vector128<{t}> x);");
                data.Add("[Sigmoid]", $"public partial Vector256<{t}> M(Vector256<{t}> x);");
                data.Add("[SigmoidSum(Derivative = true)]", $"public static partial Vector512<{t}> M(Vector512<{t}> x);");
            }

            // Edge values that are accepted.
            data.Add("[SigmoidSum(Count = 10000)]", "public static partial double M(double x);");
            data.Add("[SigmoidSum(Count = 1)]", "public static partial float M(float x);");
            data.Add("[SigmoidSum(From = 2, To = 2)]", "public static partial double M(double x);");
            data.Add("[SigmoidSum(Count = 1, From = -2, To = -2)]", "public static partial double M(double x);");
            data.Add("[Elu(Alpha = 0)]", "public static partial float M(float x);");
            return data;
        }
    }

    /// <summary>No diagnostic at all, in either build, and the generated code compiles.</summary>
    [Theory]
    [MemberData(nameof(ValidShapes))]
    public Task Accepts_a_valid_method(string attribute, string declaration) =>
        VerifyAsync(Header + $$"""
            public partial class C
            {
                {{attribute}}
                {{declaration}}
            }
            """);

    /// <summary>
    /// [Activation] with every element of a definition that CUSTOM.md allows (locals, const, casts, ?: with &amp;&amp; and !,
    /// Math, MathF, ExpM1, LogP1, Fn, another definition, a definition in another type, float definitions): no
    /// diagnostic but AGEN0019 (information: a float kernel of a definition with Fn.Erf computes in double lanes), and the
    /// generated code compiles, in every shape.
    /// </summary>
    [Fact]
    public Task Accepts_valid_definitions() =>
        VerifyAsync(Header + """
            public static class Defs
            {
                public static float Half(float x) => 0.5f * x;
            }

            public partial class C
            {
                private const double B = 4;

                public static double Squareplus(double x)
                {
                    const double b = B;
                    var s = Math.Sqrt(x * x + b);
                    return 0.5 * (x + s);
                }

                public static double Mixed(double x) =>
                    !(x < -1) && x <= 1 ? Math.Pow(x, 3) / 3 - (double)MathF.Abs((float)x) : Math.Max(Math.Min(x, 2), -2) + Math.Tanh(x);

                public static double Logs(double x) => double.LogP1(x * x) + Math.Log(2 + Fn.Softplus(x)) + double.ExpM1(-Math.Abs(x));

                public static double {|#0:Gaussians|}(double x) => Fn.Erf(x) + Fn.Erfc(x / 3) + Fn.Sigmoid(Squareplus(x) - 2);

                public static float Single(float x) => x * Fn.Sigmoid(1.702f * x);

                [Activation(nameof(Squareplus))] public static partial double M1(double x);
                [Activation(nameof(Mixed), Derivative = true)] public static partial void M2(ReadOnlySpan<float> x, Span<float> destination);
                [Activation(nameof(Logs))] public partial void M3(Span<double> values);
                [Activation(nameof(Gaussians))] internal static partial void M4(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);
                [Activation(nameof(Single))] private static partial void M5(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);
                [Activation(typeof(Defs), nameof(Defs.Half))] public static partial Vector256<float> M6(Vector256<float> x);
                [Activation(nameof(Logs), Derivative = true)] public static partial Vector512<double> M7(Vector512<double> x);
            }
            """,
            Diagnostic("AGEN0019").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(0).WithArguments("C.Gaussians", "Fn.Erf and Fn.Erfc have no float helper"));

    /// <summary>
    /// A definition over the size limit (f and f' together more than 2,000 distinct nodes after inlining and
    /// differentiation) is AGEN0016 at its name, once for the two methods that use it, which get bodies that throw (no
    /// CS8795); the same family one composition smaller (half the size) is generated.
    /// </summary>
    [Fact]
    public void Reports_a_definition_too_large_once_at_its_name()
    {
        const string source = """
            using System;
            using ActivationGen;

            public static partial class C
            {
                public static double G(double x) => Math.Tanh(1.1 * x + 0.3) * Math.Exp(-0.5 * x * x) + Fn.Sigmoid(x);
                public static double H(double x) => G(G(x) + 0.7 * x);
                public static double F(double x) => H(H(x) - 0.2 * x);
                public static double K(double x) => F(F(x) + 0.1 * x);
                public static double L(double x) => K(K(x) + 0.3 * x);
                public static double P(double x) => L(L(x) + 0.4 * x);
                public static double R(double x) => P(P(x) + 0.5 * x);

                [Activation(nameof(R))] public static partial double M(double x);
                [Activation(nameof(R), Derivative = true)] public static partial void S(ReadOnlySpan<float> x, Span<float> destination);
                [Activation(nameof(P))] public static partial double N(double x);
            }
            """;
        var run = GeneratorHarness.Run(source);

        var error = Assert.Single(run.Diagnostics, d => d.Id == "AGEN0016");
        Assert.Equal("R", source.Substring(error.Location.SourceSpan.Start, error.Location.SourceSpan.Length));
        var message = error.GetMessage(CultureInfo.InvariantCulture);
        var match = Regex.Match(message, @"^A definition this large is not supported in activation definition 'C\.R': after inlining and differentiation it has (\d+) nodes, more than 2000$");
        Assert.True(match.Success, message);
        Assert.True(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) > 2000, message);
        Assert.Empty(run.CompilerProblems);
        Assert.Equal(
            new[] { "C.M.NotGenerated.Activation.g.cs", "C.N.ScalarDouble.Activation.g.cs", "C.S.NotGenerated.Activation.g.cs" },
            run.Sources.Select(s => s.HintName).Where(h => h.StartsWith("C.", StringComparison.Ordinal)).OrderBy(h => h, StringComparer.Ordinal));
    }

    /// <summary>An invalid method does not stop its valid neighbours, in the same type, from being generated.</summary>
    [Fact]
    public Task Generates_the_valid_methods_next_to_an_invalid_one() =>
        VerifyAsync(
            Header + """
            public static partial class C
            {
                [Relu] public static partial double Good(double x);
                [Elu({|#0:Alpha = double.NaN|})] public static partial double Bad(double x);
                [Softplus] public static partial void AlsoGood(Span<float> values);
                public static double Use(Span<float> v) { AlsoGood(v); return Good(1) + Bad(1); }
            }
            """,
            At("AGEN0008", "Alpha", "NaN"));

    /// <summary>What AGEN0016 says a definition may contain.</summary>
    private const string Supported = ActivationGen.Custom.DefinitionParser.Supported;

    private static DiagnosticResult At(string id, params string[] arguments) =>
        Diagnostic(id).WithLocation(0).WithArguments(arguments);

    private static string OtherFunction(string what) =>
        $"a method of the containing type and put the attribute there (ActivationGen implements partial methods, not {what})";

    private static Case Signature(string name, string declaration, string detail) => new(
        name,
        "public static partial class C\n{\n    [Relu] " + declaration + "\n}\n",
        At("AGEN0004", "M", detail));

    private static Case Mixed(string name, string declaration, string detail) => new(
        name,
        "public static partial class C\n{\n    [Relu] " + declaration + "\n}\n",
        At("AGEN0005", "M", detail));

    private static Case Count(string value, string? shown = null) => new(
        "Count = " + value,
        "public static partial class C\n{\n    [SigmoidSum({|#0:Count = " + value + "|})] public static partial double M(double x);\n}\n",
        At("AGEN0009", shown ?? value, "10000"));
}
