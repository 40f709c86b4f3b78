using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActivationGen.CodeFixes;

/// <summary>
/// AGEN0007: removes the <c>Derivative = true</c> argument (on which the analyzer reports) from the attribute, with
/// its comma; when it was the only argument, the parentheses go too (<c>[Softplus(Derivative = true)]</c> becomes
/// <c>[Softplus]</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveDerivativeCodeFixProvider)), Shared]
public sealed class RemoveDerivativeCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "ActivationGen.RemoveDerivative";

    private static readonly DeclarationFixer Fixer = new(EquivalenceKey, "Remove 'Derivative = true' from backward and fused methods", FindFixAsync);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DerivativeOnGradientShape);

    public override FixAllProvider GetFixAllProvider() => Fixer.FixAll;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => Fixer.RegisterAsync(context);

    private static async Task<DeclarationFix?> FindFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var span = diagnostic.Location.SourceSpan;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var argument = root?.FindToken(span.Start).Parent?.AncestorsAndSelf().OfType<AttributeArgumentSyntax>().FirstOrDefault();
        if (argument is null
            || argument.Span != span
            || argument.NameEquals?.Name.Identifier.ValueText != "Derivative"
            || argument.Parent is not AttributeArgumentListSyntax { Parent: AttributeSyntax attribute } list)
        {
            return null;
        }

        var index = list.Arguments.IndexOf(argument);
        return new DeclarationFix(
            $"Remove '{argument.WithoutTrivia()}'",
            ImmutableArray.Create(DeclarationEdit.Replace(document, attribute, current => RemoveArgument(current, index))));
    }

    /// <summary>The attribute without its argument at <paramref name="index"/>.</summary>
    private static AttributeSyntax RemoveArgument(AttributeSyntax attribute, int index)
    {
        var list = attribute.ArgumentList!;
        if (list.Arguments.Count == 1)
        {
            // [Softplus(Derivative = true)] -> [Softplus]: what followed the ')' now follows the name.
            var name = attribute.Name;
            return attribute
                .WithArgumentList(null)
                .WithName(name.WithTrailingTrivia(name.GetTrailingTrivia().AddRange(list.GetTrailingTrivia())));
        }

        // SeparatedSyntaxList.RemoveAt takes the comma after the argument, or before it when it is the last one, with
        // that comma's trivia (the space or line break that separated the two arguments).
        return attribute.WithArgumentList(list.WithArguments(list.Arguments.RemoveAt(index)));
    }
}
