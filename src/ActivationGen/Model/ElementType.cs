namespace ActivationGen.Model;

/// <summary>The element type <c>T</c> of a method.</summary>
internal enum ElementType
{
    Single,
    Double,
}

internal static class ElementTypeExtensions
{
    public static string Keyword(this ElementType type) => type == ElementType.Single ? "float" : "double";
}
