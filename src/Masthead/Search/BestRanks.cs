namespace Masthead.Search;

/// <summary>The <c>count</c> best-ranked keys offered: the lowest scores, and on the same score the higher id.</summary>
internal sealed class BestRanks(int count)
{
    private readonly PriorityQueue<long, (double Score, int Id)> _kept = new(count + 1, WorstFirst.Instance);

    /// <summary>The worst kept, once <c>count</c> are kept.</summary>
    private (double Score, int Id) _worst;

    /// <summary>The worst score kept, once <c>count</c> are kept.</summary>
    public double? Worst => _kept.Count == count ? _worst.Score : null;

    public void Offer(long key, double score)
    {
        // Most offers are worse than the worst kept: one comparison, and the queue stays as it is.
        if (_kept.Count == count && score > _worst.Score)
        {
            return;
        }
        var rank = (score, SearchKey.ArticleId(key));
        if (_kept.Count < count)
        {
            _kept.Enqueue(key, rank);
        }
        else if (WorstFirst.Instance.Compare(rank, _worst) > 0)
        {
            _kept.DequeueEnqueue(key, rank);
        }
        else
        {
            return;
        }
        if (_kept.Count == count)
        {
            _kept.TryPeek(out _, out _worst);
        }
    }

    public List<long> BestFirst()
    {
        // The queue gives the worst first.
        var ranked = new List<long>(_kept.Count);
        while (_kept.TryDequeue(out var key, out _))
        {
            ranked.Add(key);
        }
        ranked.Reverse();
        return ranked;
    }
}

/// <summary>Orders ranks worst first: the higher score, and on the same score the lower id.</summary>
internal sealed class WorstFirst : IComparer<(double Score, int Id)>
{
    public static readonly WorstFirst Instance = new();

    public int Compare((double Score, int Id) x, (double Score, int Id) y)
    {
        var byScore = y.Score.CompareTo(x.Score);
        return byScore != 0 ? byScore : x.Id.CompareTo(y.Id);
    }
}
