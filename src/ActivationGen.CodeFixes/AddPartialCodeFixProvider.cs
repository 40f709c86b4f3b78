using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
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

    private static readonly DeclarationFixer Fixer = new(EquivalenceKey, "Add 'partial' to activation methods and their types", FindFixAsync);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NotPartial);

    /// <summary>
    /// Fix all adds each <c>partial</c> once. The analyzer reports a non-partial type in the diagnostic of every method
    /// in it: merged as text changes, as the batch fixer merges them, those identical insertions would conflict.
    /// </summary>
    public override FixAllProvider GetFixAllProvider() => Fixer.FixAll;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => Fixer.RegisterAsync(context);

    private static async Task<DeclarationFix?> FindFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || SyntaxEdits.FindMethodByIdentifier(root, diagnostic.Location.SourceSpan) is not { } method)
        {
            return null;
        }

        var targets = Targets(method);
        if (targets.Count == 0)
        {
            return null;
        }

        // "Add 'partial' to method 'M', type 'Inner' and type 'Outer'"; "Add 'private partial' to method 'M' and 'partial' to type 'C'".
        var names = targets.Select(Describe).ToList();
        var title = targets[0] == method && NeedsAccessibility(method)
            ? "Add 'private partial' to " + names[0] + (names.Count > 1 ? " and 'partial' to " + JoinList(names.Skip(1).ToList()) : string.Empty)
            : "Add 'partial' to " + JoinList(names);
        return new DeclarationFix(title, targets.Select(target => DeclarationEdit.Replace(document, target, AddPartial)).ToImmutableArray());
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

    private static MemberDeclarationSyntax AddPartial(MemberDeclarationSyntax target) => target switch
    {
        MethodDeclarationSyntax method => AddPartial(method),
        TypeDeclarationSyntax type => AddPartial(type),
        _ => target,
    };

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
