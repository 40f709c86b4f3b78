namespace ActivationGen.CodeFixes;

/// <summary>
/// The ids of the diagnostics fixed here, as ActivationGen's DiagnosticDescriptors declares them. Copied rather than
/// referenced so that this assembly does not depend on the generator's; a test checks that they still match.
/// </summary>
internal static class DiagnosticIds
{
    /// <summary>The method or a containing type is not partial.</summary>
    public const string NotPartial = "AGEN0001";

    /// <summary>The method has an implementation already (a body, 'extern', or another partial declaration).</summary>
    public const string HasBody = "AGEN0002";

    /// <summary>Derivative = true on a backward or fused method.</summary>
    public const string DerivativeOnGradientShape = "AGEN0007";
}
