namespace ActivationGen.Emit;

/// <summary>Renders code written for 128-bit vectors (or with kernel tokens) at another width.</summary>
internal static class Widths
{
    public static readonly int[] All = { 128, 256, 512 };

    /// <summary>Text written for Vector128 (names such as Map128 included), rewritten for <paramref name="bits"/>.</summary>
    public static string Render(string text, int bits) =>
        text.Replace("Vector128", "Vector" + bits).Replace("128<", bits + "<");

    /// <summary>Kernel text with the tokens {V}, {VD} and {M} replaced for <paramref name="bits"/> lanes of <paramref name="compute"/>.</summary>
    public static string RenderKernel(string text, int bits, string compute) =>
        text.Replace("{VD}", VectorType(bits, compute))
            .Replace("{V}", "global::System.Runtime.Intrinsics.Vector" + bits)
            .Replace("{M}", "global::ActivationGen.Internal.ActivationMath");

    public static string VectorType(int bits, string element) =>
        "global::System.Runtime.Intrinsics.Vector" + bits + "<" + element + ">";
}
