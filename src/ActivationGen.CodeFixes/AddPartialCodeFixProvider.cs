using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActivationGen.CodeFixes;

/// <summary>
/// AGEN0001: adds <c>partial</c> to the activation method and to every containing type that lacks it, in one fix,
/// after the other modifiers (where C# requires it). A method that then needs an accessibility (a partial method
/// returning a value, or virtual, override, sealed or new) also gets <c>private</c>, the accessibility it had.
/// No fix is offered for an attribute on a local function, accessor, operator or lambda: there is nothing to make
/// partial.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPartialCodeFixProvider)), Shared]
public sealed class AddPartialCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the fix (one kind of fix, whatever the targets).</summary>
    public const string EquivalenceKey = "ActivationGen.AddPartial";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NotPartial);

    /// <summary>
    /// Fix all computes every declaration to change at once. The batch fixer would merge the text changes of one fix
    /// per diagnostic instead, and the analyzer reports a non-partial type once per method in it: the identical
    /// insertions into the type then conflict from the third on, and the batch fixer drops that method's fix whole.
    /// </summary>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostics = context.Diagnostics.Where(d => d.Id == DiagnosticIds.NotPartial).ToImmutableArray();
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (diagnostics.IsEmpty || root is null || SyntaxEdits.FindMethodByIdentifier(root, context.Span) is not { } method)
        {
            return;
        }

        var targets = Targets(method);
        if (targets.Count == 0)
        {
            return;
        }

        // "Add 'partial' to method 'M', type 'Inner' and type 'Outer'"; "Add 'private partial' to method 'M' and 'partial' to type 'C'".
        var names = targets.Select(Describe).ToList();
        var title = targets[0] == method && NeedsAccessibility(method)
            ? "Add 'private partial' to " + names[0] + (names.Count > 1 ? " and 'partial' to " + JoinList(names.Skip(1).ToList()) : string.Empty)
            : "Add 'partial' to " + JoinList(names);

        // The analyzer reports the method and each containing type separately, all on the method's name: one fix
        // covers them all.
        context.RegisterCodeFix(
            CodeAction.Create(title, ct => AddPartialAsync(context.Document, new[] { method }, ct), EquivalenceKey),
            diagnostics);
    }

    private static async Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var methods = diagnostics
            .Where(d => d.Id == DiagnosticIds.NotPartial)
            .Select(d => SyntaxEdits.FindMethodByIdentifier(root, d.Location.SourceSpan))
            .OfType<MethodDeclarationSyntax>()
            .Distinct()
            .ToList();
        return await AddPartialAsync(document, methods, context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>The declarations that lack <c>partial</c>: the method first, then its containing types from the inside out.</summary>
    private static List<MemberDeclarationSyntax> Targets(MethodDeclarationSyntax method)
    {
        var targets = new List<MemberDeclarationSyntax>();
        if (!method.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            targets.Add(method);
        }

        for (var node = method.Parent; node is TypeDeclarationSyntax type; node = node.Parent)
        {
            if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                targets.Add(type);
            }
        }

        return targets;
    }

    private static string JoinList(List<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[items.Count - 1];

    private static string Describe(MemberDeclarationSyntax target) => target switch
    {
        MethodDeclarationSyntax m => $"method '{m.Identifier.ValueText}'",
        TypeDeclarationSyntax t => $"type '{t.Identifier.ValueText}'",
        _ => target.Kind().ToString(),
    };

    private static async Task<Document> AddPartialAsync(Document document, IEnumerable<MethodDeclarationSyntax> methods, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var targets = methods.SelectMany(Targets).Distinct();
        var newRoot = root!.ReplaceNodes(targets, (_, rewritten) => rewritten switch
        {
            MethodDeclarationSyntax m => AddPartial(m),
            TypeDeclarationSyntax t => AddPartial(t),
            _ => rewritten,
        });
        return document.WithSyntaxRoot(newRoot);
    }

    private static MethodDeclarationSyntax AddPartial(MethodDeclarationSyntax method)
    {
        var modifiers = method.Modifiers;
        var returnType = method.ReturnType.GetFirstToken();
        var next = returnType;
        if (NeedsAccessibility(method))
        {
            SyntaxEdits.PrependModifier(ref modifiers, ref next, SyntaxKind.PrivateKeyword);
        }

        SyntaxEdits.AppendModifier(ref modifiers, ref next, SyntaxKind.PartialKeyword);
        return method.ReplaceToken(returnType, next).WithModifiers(modifiers);
    }

    private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax type)
    {
        var modifiers = type.Modifiers;
        var next = type.Keyword;
        SyntaxEdits.AppendModifier(ref modifiers, ref next, SyntaxKind.PartialKeyword);
        return type.ReplaceToken(type.Keyword, next).WithModifiers(modifiers);
    }

    /// <summary>
    /// A partial method without accessibility must return void and be neither virtual, override, sealed nor new
    /// (CS8796, CS8798): such a method, private by default, becomes <c>private partial</c>.
    /// </summary>
    private static bool NeedsAccessibility(MethodDeclarationSyntax method) =>
        !method.Modifiers.Any(m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.InternalKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword) || m.IsKind(SyntaxKind.PrivateKeyword))
        && (method.ReturnType is not PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword }
            || method.Modifiers.Any(m => m.IsKind(SyntaxKind.VirtualKeyword) || m.IsKind(SyntaxKind.OverrideKeyword) || m.IsKind(SyntaxKind.SealedKeyword) || m.IsKind(SyntaxKind.NewKeyword)));
}
