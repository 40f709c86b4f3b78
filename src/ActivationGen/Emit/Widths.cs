namespace ActivationGen.Emit;

/// <summary>Renders code written for 128-bit vectors (or with kernel tokens) at another width.</summary>
internal static class Widths
{
    public static readonly int[] All = { 128, 256, 512 };

    /// <summary>Text written for Vector128 (names such as Map128 included), rewritten for <paramref name="bits"/>.</summary>
    public static string Render(string text, int bits) =>
        text.Replace("Vector128", "Vector" + bits).Replace("128<", bits + "<");

    /// <summary>
    /// Kernel text with the tokens {V}, {VD} and {M} replaced for <paramref name="bits"/> lanes of <paramref name="compute"/>,
    /// by short names: the operators live in ActivationGen.Generated, whose generated files import
    /// System.Runtime.Intrinsics inside the namespace, and the helpers class is in that namespace.
    /// </summary>
    public static string RenderKernel(string text, int bits, string compute) =>
        text.Replace("{VD}", VectorType(bits, compute))
            .Replace("{V}", "Vector" + bits)
            .Replace("{M}", HelperCatalog.ClassName);

    public static string VectorType(int bits, string element) => "Vector" + bits + "<" + element + ">";
}
