using System;
using System.Runtime.Intrinsics;

namespace ActivationGen.Tests.Infrastructure;

/// <summary>
/// Every shape of one activation with one parameter set, for one element type. Test sources declare a partial class
/// that implements this interface with generated partial methods, so a test calls them directly.
/// </summary>
public interface IKernelSet<T>
    where T : unmanaged
{
    T F(T x);

    T D(T x);

    void Map(ReadOnlySpan<T> x, Span<T> destination);

    void MapDerivative(ReadOnlySpan<T> x, Span<T> destination);

    void InPlace(Span<T> values);

    void InPlaceDerivative(Span<T> values);

    void Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> gradOutput, Span<T> gradInput);

    void Fused(ReadOnlySpan<T> x, Span<T> destination, Span<T> derivative);

    Vector128<T> F128(Vector128<T> x);

    Vector256<T> F256(Vector256<T> x);

    Vector512<T> F512(Vector512<T> x);

    Vector128<T> D128(Vector128<T> x);

    Vector256<T> D256(Vector256<T> x);

    Vector512<T> D512(Vector512<T> x);
}

/// <summary>Writes and compiles a class implementing <see cref="IKernelSet{T}"/> for an attribute.</summary>
public static class KernelSets
{
    /// <param name="attribute">The attribute as written, e.g. <c>Elu(Alpha = 0.5)</c> (without brackets).</param>
    /// <param name="members">More members of the class (an [Activation] definition).</param>
    public static string Source(string attribute, string type, string className = "Kernels", string members = "")
    {
        var (name, args) = Split(attribute);
        string With(bool derivative) => derivative
            ? $"[{name}({(args.Length > 0 ? args + ", " : string.Empty)}Derivative = true)]"
            : $"[{name}{(args.Length > 0 ? "(" + args + ")" : string.Empty)}]";
        var f = With(false);
        var d = With(true);
        var t = type;
        return $$"""
            using System;
            using System.Runtime.Intrinsics;
            using ActivationGen;

            namespace Generated.Tests;

            public sealed partial class {{className}} : ActivationGen.Tests.Infrastructure.IKernelSet<{{t}}>
            {
                {{f}} public partial {{t}} F({{t}} x);
                {{d}} public partial {{t}} D({{t}} x);
                {{f}} public partial void Map(ReadOnlySpan<{{t}}> x, Span<{{t}}> destination);
                {{d}} public partial void MapDerivative(ReadOnlySpan<{{t}}> x, Span<{{t}}> destination);
                {{f}} public partial void InPlace(Span<{{t}}> values);
                {{d}} public partial void InPlaceDerivative(Span<{{t}}> values);
                {{f}} public partial void Backward(ReadOnlySpan<{{t}}> x, ReadOnlySpan<{{t}}> gradOutput, Span<{{t}}> gradInput);
                {{f}} public partial void Fused(ReadOnlySpan<{{t}}> x, Span<{{t}}> destination, Span<{{t}}> derivative);
                {{f}} public partial Vector128<{{t}}> F128(Vector128<{{t}}> x);
                {{f}} public partial Vector256<{{t}}> F256(Vector256<{{t}}> x);
                {{f}} public partial Vector512<{{t}}> F512(Vector512<{{t}}> x);
                {{d}} public partial Vector128<{{t}}> D128(Vector128<{{t}}> x);
                {{d}} public partial Vector256<{{t}}> D256(Vector256<{{t}}> x);
                {{d}} public partial Vector512<{{t}}> D512(Vector512<{{t}}> x);
                {{members}}
            }
            """;
    }

    public static IKernelSet<T> Create<T>(string attribute, string members = "")
        where T : unmanaged
    {
        var type = typeof(T) == typeof(float) ? "float" : "double";
        var run = GeneratorHarness.Run(Source(attribute, type, members: members));
        var assembly = GeneratorHarness.Load(run.Output);
        return (IKernelSet<T>)Activator.CreateInstance(assembly.GetType("Generated.Tests.Kernels", throwOnError: true)!)!;
    }

    private static (string Name, string Args) Split(string attribute)
    {
        var open = attribute.IndexOf('(');
        return open < 0 ? (attribute, string.Empty) : (attribute[..open], attribute[(open + 1)..^1]);
    }
}
