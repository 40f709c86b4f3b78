using System;
using System.Linq;
using System.Threading.Tasks;
using ActivationGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static ActivationGen.Tests.Infrastructure.RoslynTests;

namespace ActivationGen.Tests;

/// <summary>
/// Targets the generated kernels cannot serve (a framework older than .NET 9, a language version older than C# 11): each
/// annotated method gets AGEN0011 saying what is missing, and no error appears inside a generated file; where the method
/// can have a body (C# 9 and later) it gets one that throws, so there is no CS8795 either.
/// </summary>
public class TargetTests
{
    private const string Source = """
        using System;
        using ActivationGen;

        namespace Test;

        public static partial class C
        {
            [Relu] public static partial void {|#0:M|}(ReadOnlySpan<float> x, Span<float> destination);
            [Elu(Alpha = 0.5)] public static partial double {|#1:E|}(double x);
        }
        """;

    [Fact]
    public Task Net8_has_no_fused_multiply_add() =>
        VerifyAsync(
            Source,
            test => Replace(test, Basic.Reference.Assemblies.Net80.References.All),
            Expect(0, "M", "the referenced framework has no Vector128.FusedMultiplyAdd (it is older than .NET 9)"),
            Expect(1, "E", "the referenced framework has no Vector128.FusedMultiplyAdd (it is older than .NET 9)"));

    [Fact]
    public Task A_framework_without_Vector512() =>
        VerifyAsync(
            Source,
            test => Replace(test, Basic.Reference.Assemblies.Net100.References.All.Where(r => !string.Equals(r.FilePath, "System.Runtime.Intrinsics.dll", StringComparison.OrdinalIgnoreCase))),
            Expect(0, "M", "the referenced framework has no System.Runtime.Intrinsics.Vector512<T> (it is older than .NET 8)"),
            Expect(1, "E", "the referenced framework has no System.Runtime.Intrinsics.Vector512<T> (it is older than .NET 8)"));

    /// <summary>C# 10 knows partial methods with accessibility, so the methods get bodies that throw.</summary>
    [Fact]
    public Task CSharp10() =>
        VerifyAsync(
            Source,
            test => test.LanguageVersion = LanguageVersion.CSharp10,
            Expect(0, "M", "the language version is C# 10.0"),
            Expect(1, "E", "the language version is C# 10.0"));

    /// <summary>
    /// C# 7.3 (the netstandard2.0 default): the attributes compile (no #nullable directive in them), a void partial method
    /// without accessibility needs no body, and one with accessibility is the compiler's error (C# 9 feature); nothing
    /// is generated for either (so the compiler adds CS8795 to its own error for the second), and no file of the generator
    /// has an error.
    /// </summary>
    [Fact]
    public Task CSharp7_3() =>
        VerifyAsync(
            """
            using System;
            using ActivationGen;

            namespace Test
            {
                public static partial class C
                {
                    [Relu] static partial void {|#0:M|}(Span<float> values);
                    [Relu] public static partial float {|#1:F|}(float x);
                }
            }
            """,
            test =>
            {
                test.LanguageVersion = LanguageVersion.CSharp7_3;
                test.Nullable = NullableContextOptions.Disable;
            },
            Expect(0, "M", "the language version is C# 7.3"),
            Expect(1, "F", "the language version is C# 7.3"),
            DiagnosticResult.CompilerError("CS8370").WithLocation(1).WithArguments("extended partial methods", "9.0"),
            DiagnosticResult.CompilerError("CS8795").WithLocation(1).WithArguments("Test.C.F(float)"));

    private static DiagnosticResult Expect(int location, string method, string problem) =>
        Diagnostic("AGEN0011").WithLocation(location).WithArguments(method, problem);

    private static void Replace(GeneratorTest test, System.Collections.Generic.IEnumerable<MetadataReference> references)
    {
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(references);
    }
}
