namespace Masthead.Articles;

/// <summary>
/// Implemented by features that react when a story goes public or changes (feeds pinging a hub, later the search
/// index and related stories). Registered explicitly; <see cref="ArticlePublisher"/> calls every one after saving.
/// </summary>
public interface IOnArticlePublished
{
    void ArticlePublished(int articleId);
}
