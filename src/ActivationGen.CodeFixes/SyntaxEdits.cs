using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ActivationGen.CodeFixes;

/// <summary>Trivia-preserving edits shared by the code fixes.</summary>
internal static class SyntaxEdits
{
    /// <summary>The method whose name the diagnostic is reported on (where the analyzer reports every method problem).</summary>
    public static MethodDeclarationSyntax? FindMethodByIdentifier(SyntaxNode root, TextSpan span)
    {
        var token = root.FindToken(span.Start);
        return token.Parent is MethodDeclarationSyntax method && method.Identifier.Span == span ? method : null;
    }

    /// <summary>
    /// Inserts a modifier keyword in front of <paramref name="next"/>, the first token after the modifiers (the return
    /// type or the type keyword), which C# requires of <c>partial</c>. The new keyword takes over the leading trivia
    /// of <paramref name="next"/>, so indentation, line breaks and comments stay where they were.
    /// </summary>
    public static void AppendModifier(ref SyntaxTokenList modifiers, ref SyntaxToken next, SyntaxKind kind)
    {
        modifiers = modifiers.Add(SyntaxFactory.Token(next.LeadingTrivia, kind, SyntaxFactory.TriviaList(SyntaxFactory.Space)));
        next = next.WithLeadingTrivia(SyntaxFactory.TriviaList());
    }

    /// <summary>Inserts a modifier keyword before every other modifier, taking over the leading trivia there.</summary>
    public static void PrependModifier(ref SyntaxTokenList modifiers, ref SyntaxToken next, SyntaxKind kind)
    {
        if (modifiers.Count == 0)
        {
            AppendModifier(ref modifiers, ref next, kind);
            return;
        }

        var first = modifiers[0];
        modifiers = modifiers
            .Replace(first, first.WithLeadingTrivia(SyntaxFactory.TriviaList()))
            .Insert(0, SyntaxFactory.Token(first.LeadingTrivia, kind, SyntaxFactory.TriviaList(SyntaxFactory.Space)));
    }

    /// <summary>Removes the modifier at <paramref name="index"/>; a first modifier hands its leading trivia on.</summary>
    public static void RemoveModifier(ref SyntaxTokenList modifiers, ref SyntaxToken next, int index)
    {
        var removed = modifiers[index];
        modifiers = modifiers.RemoveAt(index);
        if (index != 0 || removed.LeadingTrivia.Count == 0)
        {
            return;
        }

        if (modifiers.Count > 0)
        {
            var following = modifiers[0];
            modifiers = modifiers.Replace(following, following.WithLeadingTrivia(removed.LeadingTrivia.AddRange(following.LeadingTrivia)));
        }
        else
        {
            next = next.WithLeadingTrivia(removed.LeadingTrivia.AddRange(next.LeadingTrivia));
        }
    }

    /// <summary>
    /// Turns <c>M(...) { ... }</c> or <c>M(...) => expr;</c> into <c>M(...);</c>: the white space before the body
    /// goes, a comment there moves after the semicolon, and what followed the body follows the semicolon.
    /// </summary>
    public static MethodDeclarationSyntax RemoveBody(MethodDeclarationSyntax method)
    {
        var body = (SyntaxNode?)method.Body ?? method.ExpressionBody!;
        var beforeBody = body.GetFirstToken().GetPreviousToken();
        var afterBody = method.Body is { } block ? block.CloseBraceToken.TrailingTrivia : method.SemicolonToken.TrailingTrivia;

        var comments = beforeBody.TrailingTrivia
            .Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia) && !t.IsKind(SyntaxKind.EndOfLineTrivia))
            .SelectMany(t => new[] { SyntaxFactory.Space, t });
        var semicolon = SyntaxFactory.Token(
            SyntaxFactory.TriviaList(),
            SyntaxKind.SemicolonToken,
            SyntaxFactory.TriviaList(comments).AddRange(afterBody));

        return method
            .ReplaceToken(beforeBody, beforeBody.WithTrailingTrivia(SyntaxFactory.TriviaList()))
            .WithBody(null)
            .WithExpressionBody(null)
            .WithSemicolonToken(semicolon);
    }

    /// <summary>
    /// Removes a member declaration with its leading trivia (blank line, indentation, comments), keeping preprocessor
    /// directives that something outside the member pairs with. When the member was the first of its type, the
    /// blank lines that separated it from the next member go too, so the type does not start with an empty line.
    /// </summary>
    public static SyntaxNode RemoveMember(SyntaxNode root, MemberDeclarationSyntax member)
    {
        var next = member.Parent is TypeDeclarationSyntax type && type.Members.IndexOf(member) is 0 && type.Members.Count > 1
            ? type.Members[1]
            : null;
        if (next is null)
        {
            return root.RemoveNode(member, SyntaxRemoveOptions.KeepUnbalancedDirectives)!;
        }

        root = root.TrackNodes(member, next);
        root = root.RemoveNode(root.GetCurrentNode(member)!, SyntaxRemoveOptions.KeepUnbalancedDirectives)!;
        var current = root.GetCurrentNode(next)!;
        var first = current.GetFirstToken();
        var leading = first.LeadingTrivia;
        var blank = 0;
        while (blank < leading.Count && (leading[blank].IsKind(SyntaxKind.EndOfLineTrivia) || leading[blank].IsKind(SyntaxKind.WhitespaceTrivia)))
        {
            blank++;
        }

        // Drop whole blank lines only: keep the indentation of the line the next member starts on.
        var lastLineBreak = -1;
        for (var i = 0; i < blank; i++)
        {
            if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                lastLineBreak = i;
            }
        }

        return lastLineBreak < 0
            ? root
            : root.ReplaceToken(first, first.WithLeadingTrivia(SyntaxFactory.TriviaList(leading.Skip(lastLineBreak + 1))));
    }

    /// <summary>Whether the declaration carries a documentation comment.</summary>
    public static bool HasDocumentationComment(SyntaxNode node) =>
        node.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || t.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia));
}
