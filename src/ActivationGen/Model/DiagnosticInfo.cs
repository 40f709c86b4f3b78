using System.Globalization;
using System.Linq;
using ActivationGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ActivationGen.Model;

/// <summary>
/// A diagnostic as plain data, so that it can travel through the generator's pipeline and be compared: the descriptor
/// id, where it is (the file and its spans, not the syntax tree) and the message arguments as text.
/// </summary>
internal sealed record DiagnosticInfo(string Id, string FilePath, TextSpan Span, LinePositionSpan LineSpan, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location location, params object?[] arguments) =>
        new(
            descriptor.Id,
            location.SourceTree?.FilePath ?? string.Empty,
            location.SourceSpan,
            location.GetLineSpan().Span,
            arguments.Select(a => System.Convert.ToString(a, CultureInfo.InvariantCulture) ?? string.Empty).ToEquatableArray());

    /// <summary>The diagnostic, located in <paramref name="tree"/> when the tree of its file is at hand.</summary>
    public Diagnostic ToDiagnostic(SyntaxTree? tree) =>
        Diagnostic.Create(
            DiagnosticDescriptors.ById(Id),
            tree is not null ? Location.Create(tree, Span) : Location.Create(FilePath, Span, LineSpan),
            Arguments.Cast<object?>().ToArray());
}
