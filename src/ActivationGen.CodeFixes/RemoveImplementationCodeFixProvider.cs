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
/// AGEN0002: leaves the annotated method without an implementation of its own, so that ActivationGen writes it.
/// <list type="bullet">
/// <item>A body on the annotated declaration (<c>{ ... }</c> or <c>=> expr;</c>) becomes <c>;</c>.</item>
/// <item><c>extern</c> on the annotated declaration is removed.</item>
/// <item>When the annotated declaration is the implementing part of a method the user also declared elsewhere,
/// that other, bodiless declaration is removed too (else two definitions would remain).</item>
/// <item>When the user wrote the implementing part separately, that declaration is removed.</item>
/// </list>
/// A declaration to remove must be in a document of the solution and carry no attributes and no documentation
/// comment (moving those is a decision for the user): otherwise no fix is offered.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveImplementationCodeFixProvider)), Shared]
public sealed class RemoveImplementationCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, whichever implementation it removes: fix all removes every kind at once.</summary>
    public const string EquivalenceKey = "ActivationGen.RemoveImplementation";

    private static readonly DeclarationFixer Fixer = new(EquivalenceKey, "Remove the implementations ActivationGen writes", FindFixAsync);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.HasBody);

    public override FixAllProvider GetFixAllProvider() => Fixer.FixAll;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => Fixer.RegisterAsync(context);

    private static async Task<DeclarationFix?> FindFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || SyntaxEdits.FindMethodByIdentifier(root, diagnostic.Location.SourceSpan) is not { } method)
        {
            return null;
        }

        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model?.GetDeclaredSymbol(method, cancellationToken) is not { } symbol)
        {
            return null;
        }

        var name = method.Identifier.ValueText;
        var hasBody = method.Body is not null || method.ExpressionBody is not null;
        if (hasBody || method.Modifiers.Any(SyntaxKind.ExternKeyword))
        {
            // The annotated declaration implements the method. If it implements a definition written elsewhere, that
            // definition must go as well: once this declaration is bodiless it is the definition.
            var edits = ImmutableArray.Create(DeclarationEdit.Replace(document, method, hasBody ? SyntaxEdits.RemoveBody : RemoveExtern));
            var what = hasBody ? $"the body of '{name}'" : $"'extern' from '{name}'";
            if (symbol.PartialDefinitionPart is not { } definitionPart)
            {
                return new DeclarationFix("Remove " + what, edits);
            }

            return Removable(document.Project.Solution, definitionPart, cancellationToken) is { } definition
                ? new DeclarationFix("Remove " + what + " and its other partial declaration", edits.Add(definition))
                : null;
        }

        return symbol.PartialImplementationPart is { } implementationPart
            && Removable(document.Project.Solution, implementationPart, cancellationToken) is { } implementation
            ? new DeclarationFix($"Remove the other partial declaration of '{name}', the one with a body", ImmutableArray.Create(implementation))
            : null;
    }

    /// <summary>The removal of <paramref name="part"/>'s declaration, if it is the user's and removing it loses nothing but itself.</summary>
    private static DeclarationEdit? Removable(Solution solution, IMethodSymbol part, CancellationToken cancellationToken)
    {
        var declaration = part.DeclaringSyntaxReferences.Length == 1
            ? part.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) as MethodDeclarationSyntax
            : null;
        return declaration is not null
            && solution.GetDocument(declaration.SyntaxTree) is { } document
            && declaration.AttributeLists.Count == 0
            && !SyntaxEdits.HasDocumentationComment(declaration)
            ? DeclarationEdit.Remove(document, declaration)
            : null;
    }

    private static MethodDeclarationSyntax RemoveExtern(MethodDeclarationSyntax method)
    {
        var modifiers = method.Modifiers;
        var returnType = method.ReturnType.GetFirstToken();
        var next = returnType;
        SyntaxEdits.RemoveModifier(ref modifiers, ref next, modifiers.IndexOf(SyntaxKind.ExternKeyword));
        return method.ReplaceToken(returnType, next).WithModifiers(modifiers);
    }
}
