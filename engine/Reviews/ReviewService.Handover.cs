using Fashen.Engine.Access;
using Fashen.Engine.Records;

namespace Fashen.Engine.Reviews;

/// <summary>Giving a taken review back (退回领取) and handing it to another reviewer (转交): a reviewer who cannot finish a
/// review (leave, a conflict of interest found late, workload) must not leave it stuck under their name, and the head
/// must be able to move it when the reviewer is away. Both are recorded with the reason.</summary>
public sealed partial class ReviewService
{
    /// <summary>The longest reason for giving back or transferring a review, in characters.</summary>
    public const int MaxHandoverReasonLength = 500;

    /// <summary>Gives a review back: nobody holds it afterwards, and any reviewer of the department may take it.</summary>
    /// <param name="caller">The reviewer who holds it, or a head of the department.</param>
    /// <param name="reviewId">The review.</param>
    /// <param name="version">The version the caller saw.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The review, or why not.</returns>
    public Outcome<Review> Release(Caller caller, string reviewId, long version, string? reason)
    {
        var found = HandedOver(caller, reviewId, version, reason);
        if (!found.Succeeded)
        {
            return found.Error!;
        }

        var (review, why) = found.Value;
        return review.Reviewer is { } holder
            ? Commit(review, version, caller.Actor, [new ReviewReleased(holder, why)])
            : ReviewErrors.HandoverNotAllowed("本审核尚无人领取。");
    }

    /// <summary>Hands a review to another reviewer of the department, who did not handle the case.</summary>
    /// <param name="caller">The reviewer who holds it, or a head of the department.</param>
    /// <param name="reviewId">The review.</param>
    /// <param name="version">The version the caller saw.</param>
    /// <param name="to">The sign-in name of the reviewer to hand it to.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The review, or why not.</returns>
    public Outcome<Review> Transfer(Caller caller, string reviewId, long version, string? to, string? reason)
    {
        var found = HandedOver(caller, reviewId, version, reason);
        if (!found.Succeeded)
        {
            return found.Error!;
        }

        var (review, why) = found.Value;
        var account = string.IsNullOrWhiteSpace(to) ? null : _people.FindAccount(to.Trim());
        if (account is null)
        {
            return ReviewErrors.TransferTargetInvalid($"没有登录名为“{to?.Trim()}”的人员。");
        }

        if (TransferTargetProblem(review, account) is { } problem)
        {
            return ReviewErrors.TransferTargetInvalid(problem);
        }

        var target = new Actor(ActorKind.Person, account.Id, account.DisplayName);
        return Commit(review, version, caller.Actor, [new ReviewTransferred(review.Reviewer, target, why)]);
    }

    /// <summary>Lists the people a review may be handed to: reviewers of the department, enabled, who did not handle the
    /// case and do not hold it now.</summary>
    /// <param name="review">The review.</param>
    /// <returns>Their accounts, by name.</returns>
    public IReadOnlyList<Account> TransferCandidates(Review review) =>
        _people.Accounts().Where(a => TransferTargetProblem(review, a) is null).OrderBy(a => a.DisplayName, StringComparer.Ordinal).ToList();

    // Who may hand a review over: the reviewer who holds it, or a head (负责人) of the department; only while it is open.
    private static ReviewError? HandoverProblem(Caller caller, Review review)
    {
        if (!caller.Has(Role.Reviewer) && !caller.Has(Role.Head))
        {
            return ReviewErrors.RoleRequired("退回领取或转交审核", $"{Role.Reviewer.ToChinese()}或{Role.Head.ToChinese()}");
        }

        if (review.State.IsClosed())
        {
            return ReviewErrors.ReviewClosed(review.State.ToChinese());
        }

        if (review.State == ReviewState.AwaitingConfirmation)
        {
            return ReviewErrors.HandoverNotAllowed("审核意见正等待负责人确认。");
        }

        var holds = review.Reviewer is { } holder && holder.Id == caller.Actor.Id && caller.Has(Role.Reviewer);
        return holds || caller.Has(Role.Head)
            ? null
            : ReviewErrors.HandoverNotAllowed("只有领取本审核的审核人员或负责人可以退回领取或转交。");
    }

    private Outcome<(Review Review, string Reason)> HandedOver(Caller caller, string reviewId, long version, string? reason)
    {
        var found = Allowed(caller, reviewId, version, review => HandoverProblem(caller, review));
        if (!found.Succeeded)
        {
            return found.Error!;
        }

        var review = found.Value!;
        var why = Trimmed(reason);
        if (why is null)
        {
            return ReviewErrors.TextRequired("退回领取或转交的理由");
        }

        return why.Length > MaxHandoverReasonLength
            ? ReviewErrors.TextTooLong("理由", why.Length, MaxHandoverReasonLength)
            : (review, why);
    }

    // 审办分离 and the department hold for the new reviewer as for one who takes a review.
    private static string? TransferTargetProblem(Review review, Account account)
    {
        if (account.Disabled)
        {
            return $"{account.DisplayName}的账号已停用。";
        }

        if (!account.Roles.Contains(Role.Reviewer))
        {
            return $"{account.DisplayName}不是法制审核人员。";
        }

        if (!account.Departments.Contains(Caller.AllDepartments) && !account.Departments.Contains(review.Department))
        {
            return $"{account.DisplayName}不负责本部门的审核。";
        }

        if (review.Reviewer?.Id == account.Id)
        {
            return $"本审核已由{account.DisplayName}负责。";
        }

        return HandledCase(new Actor(ActorKind.Person, account.Id, account.DisplayName), review)
            ? ReviewErrors.SeparationOfDuties(account.DisplayName).Message
            : null;
    }
}
