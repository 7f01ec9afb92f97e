using Dashboard.Shared.Text;
using System.Security.Cryptography;
using Dashboard.Server.Data;
using Dashboard.Shared.Admin;
using Dashboard.Shared.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Features.Auth;

/// <summary>What a password check found.</summary>
public enum PasswordCheck
{
    /// <summary>The person has no local account (the directory may know them).</summary>
    NoAccount,
    Wrong,
    Locked,
    Passed,
}

/// <summary>What comes after the password, in this order: a temporary password's change, the code, the enrolment.</summary>
public enum SignInStage
{
    ChangePassword,
    TwoFactor,
    SetupTwoFactor,
    RecoveryCodes,
    Complete,
}

/// <summary>
/// Local accounts over ASP.NET Core Identity's <see cref="UserManager{TUser}"/> (issue 23, decision 020): hashed
/// passwords, the city's password policy and history, lockout, the authenticator app and its recovery codes. Used by
/// the sign-in endpoints, in the request's scope.
/// </summary>
public sealed class LocalAccounts(UserManager<LocalAccount> accounts, DashboardDbContext db, TimeProvider clock, IOptions<SignInOptions> options)
{
    public const string Issuer = "DX推進ダッシュボード";

    public UserManager<LocalAccount> Manager => accounts;

    /// <summary>An active person by the name typed, with their local account if they have one.</summary>
    public async Task<(AppUser? User, LocalAccount? Account)> FindAsync(string login, CancellationToken cancellationToken)
    {
        var name = login.Trim().ToLowerInvariant();
        var user = await db.Users.Include(u => u.Departments).FirstOrDefaultAsync(u => u.LoginName == name && u.IsActive, cancellationToken);
        var account = user is null ? null : await db.LocalAccounts.FirstOrDefaultAsync(a => a.Id == user.Id, cancellationToken);
        return (user, account);
    }

    public async Task<AppUser?> UserAsync(int id, CancellationToken cancellationToken) =>
        await db.Users.Include(u => u.Departments).FirstOrDefaultAsync(u => u.Id == id && u.IsActive, cancellationToken);

    public async Task<LocalAccount?> AccountAsync(int id, CancellationToken cancellationToken) =>
        await db.LocalAccounts.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>Checks a password, counting failures toward the lock.</summary>
    public async Task<PasswordCheck> CheckPasswordAsync(LocalAccount account, string password)
    {
        if (await accounts.IsLockedOutAsync(account))
        {
            return PasswordCheck.Locked;
        }

        if (!await accounts.CheckPasswordAsync(account, password))
        {
            await accounts.AccessFailedAsync(account);
            return await accounts.IsLockedOutAsync(account) ? PasswordCheck.Locked : PasswordCheck.Wrong;
        }

        await accounts.ResetAccessFailedCountAsync(account);
        return PasswordCheck.Passed;
    }

    /// <summary>Until when the account is locked, in UTC.</summary>
    public static DateTime? LockedUntil(LocalAccount account) => account.LockoutEnd?.UtcDateTime;

    /// <summary>Whether the person's roles make the authenticator app a must.</summary>
    public bool RequiresTwoFactor(AppUser user) => (user.Roles & options.Value.TwoFactorRequiredFor) != AppRoles.None;

    /// <summary>The next step of a sign-in whose password (and, when <paramref name="codeDone"/>, code) passed.</summary>
    public SignInStage Next(AppUser user, LocalAccount account, bool codeDone) =>
        account.MustChangePassword ? SignInStage.ChangePassword
        : account.TwoFactorEnabled && !codeDone ? SignInStage.TwoFactor
        : !account.TwoFactorEnabled && RequiresTwoFactor(user) ? SignInStage.SetupTwoFactor
        : SignInStage.Complete;

    /// <summary>Sets a new password through the policy and the history; returns the codes of what it broke.</summary>
    public async Task<IReadOnlyList<IdentityError>> ChangePasswordAsync(LocalAccount account, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in accounts.PasswordValidators)
        {
            var result = await validator.ValidateAsync(accounts, account, password);
            errors.AddRange(result.Errors);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        if (account.PasswordHash is { } old && !account.MustChangePassword)
        {
            db.PasswordHistory.Add(new PasswordHistoryEntry { UserId = account.Id, PasswordHash = old, CreatedUtc = clock.GetUtcNow().UtcDateTime });
        }

        account.PasswordHash = accounts.PasswordHasher.HashPassword(account, password);
        account.MustChangePassword = false;
        await accounts.UpdateSecurityStampAsync(account); // saves the account, and the history row with it
        return [];
    }

    /// <summary>What a code check found.</summary>
    public enum CodeCheck { Wrong, Reused, Locked, Passed, RecoveryCodeUsed }

    /// <summary>
    /// Checks an authenticator code, or else a recovery code. A code accepted once is refused the second time (within
    /// the time Identity would still accept it); wrong codes count toward the lock like wrong passwords.
    /// </summary>
    public async Task<CodeCheck> CheckCodeAsync(LocalAccount account, string typed)
    {
        if (await accounts.IsLockedOutAsync(account))
        {
            return CodeCheck.Locked;
        }

        var code = new string(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        var now = clock.GetUtcNow().UtcDateTime;
        if (code.Length == 6 && code.All(char.IsAsciiDigit))
        {
            // Identity accepts a code two 30-second steps either side of its own: up to 150 s after it is first
            // accepted. A used code stays refused for longer than that.
            if (account.LastTotpCode == code && account.LastTotpUtc > now.AddSeconds(-180))
            {
                return CodeCheck.Reused;
            }

            if (await accounts.VerifyTwoFactorTokenAsync(account, accounts.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                account.LastTotpCode = code;
                account.LastTotpUtc = now;
                await accounts.ResetAccessFailedCountAsync(account);
                await accounts.UpdateAsync(account);
                return CodeCheck.Passed;
            }
        }
        else if (code.Length > 6 && (await accounts.RedeemTwoFactorRecoveryCodeAsync(account, typed.Trim())).Succeeded)
        {
            await accounts.ResetAccessFailedCountAsync(account);
            return CodeCheck.RecoveryCodeUsed;
        }

        await accounts.AccessFailedAsync(account);
        return await accounts.IsLockedOutAsync(account) ? CodeCheck.Locked : CodeCheck.Wrong;
    }

    /// <summary>The person's authenticator key (made on first ask), as the app's <c>otpauth://</c> address and as text.</summary>
    public async Task<(string Key, string Uri)> AuthenticatorAsync(LocalAccount account)
    {
        var key = await accounts.GetAuthenticatorKeyAsync(account);
        if (string.IsNullOrEmpty(key))
        {
            await accounts.ResetAuthenticatorKeyAsync(account);
            key = await accounts.GetAuthenticatorKeyAsync(account) ?? "";
        }

        var label = Uri.EscapeDataString($"{Issuer}:{account.UserName}");
        return (key, $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6");
    }

    /// <summary>Turns the authenticator on when the first code is right; returns ten recovery codes, or null.</summary>
    public async Task<IReadOnlyList<string>?> EnableTwoFactorAsync(LocalAccount account, string typed)
    {
        var code = new string(typed.Where(char.IsAsciiDigit).ToArray());
        if (code.Length != 6 || !await accounts.VerifyTwoFactorTokenAsync(account, accounts.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return null;
        }

        account.LastTotpCode = code;
        account.LastTotpUtc = clock.GetUtcNow().UtcDateTime;
        await accounts.SetTwoFactorEnabledAsync(account, true);
        return (await accounts.GenerateNewTwoFactorRecoveryCodesAsync(account, 10))?.ToList();
    }

    /// <summary>
    /// Gives <paramref name="user"/> a local account (made when missing, tracked in <paramref name="db"/>) with a new
    /// temporary password that must be changed at the next sign-in; a lock is lifted. The caller saves. Used by the
    /// admin page and the operator's add-admin command.
    /// </summary>
    public static async Task<string> IssueTemporaryPasswordAsync(DashboardDbContext db, AppUser user, IPasswordHasher<LocalAccount> hasher, PasswordPolicy policy,
        CancellationToken cancellationToken = default)
    {
        var account = await db.LocalAccounts.FirstOrDefaultAsync(a => a.Id == user.Id, cancellationToken);
        if (account is null)
        {
            account = new LocalAccount
            {
                Id = user.Id, UserName = user.LoginName, NormalizedUserName = user.LoginName.ToUpperInvariant(), LockoutEnabled = true,
                ConcurrencyStamp = Guid.NewGuid().ToString(),
            };
            db.LocalAccounts.Add(account);
        }

        var password = TemporaryPassword(policy);
        account.PasswordHash = hasher.HashPassword(account, password);
        account.MustChangePassword = true;
        account.AccessFailedCount = 0;
        account.LockoutEnd = null;
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        user.SecurityStamp = Guid.NewGuid();
        return password;
    }

    /// <summary>A temporary password that meets the policy: 16 characters from four classes, none that look alike.</summary>
    public static string TemporaryPassword(PasswordPolicy policy)
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnpqrstuvwxyz", digits = "23456789", symbols = "!#$%&*+?@";
        var length = Math.Max(16, policy.MinimumLength);
        var chars = new List<char> { Pick(upper), Pick(lower), Pick(digits), Pick(symbols) };
        const string all = upper + lower + digits + symbols;
        while (chars.Count < length)
        {
            chars.Add(Pick(all));
        }

        return new string(chars.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue)).ToArray());

        static char Pick(string set) => set[RandomNumberGenerator.GetInt32(set.Length)];
    }
}

/// <summary>The password policy's "not one of the last N".</summary>
public sealed class PasswordHistoryValidator(DashboardDbContext db, IOptions<SignInOptions> options) : IPasswordValidator<LocalAccount>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<LocalAccount> manager, LocalAccount user, string? password)
    {
        var remember = options.Value.Password.RememberLast;
        if (remember <= 0 || password is null)
        {
            return IdentityResult.Success;
        }

        var hashes = await db.PasswordHistory.AsNoTracking().Where(h => h.UserId == user.Id).OrderByDescending(h => h.Id)
            .Take(remember).Select(h => h.PasswordHash).ToListAsync();
        if (user.PasswordHash is { } current)
        {
            hashes.Insert(0, current);
        }

        return hashes.Any(h => manager.PasswordHasher.VerifyHashedPassword(user, h, password) != PasswordVerificationResult.Failed)
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordReused", Description = Wording.Pick($"最近使った {remember} 個のパスワードと、今のパスワードは使えません。", $"The current password and the last {remember} passwords cannot be used again.") })
            : IdentityResult.Success;
    }
}

/// <summary>Identity's password messages in Japanese.</summary>
public sealed class JapaneseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = Wording.Pick($"パスワードは {length} 文字以上にしてください。", $"A password has at least {length} characters.") };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = Wording.Pick("パスワードに数字（0-9）を1文字以上入れてください。", "Put at least one digit (0-9) in the password.") };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = Wording.Pick("パスワードに英小文字（a-z）を1文字以上入れてください。", "Put at least one lowercase letter (a-z) in the password.") };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = Wording.Pick("パスワードに英大文字（A-Z）を1文字以上入れてください。", "Put at least one capital letter (A-Z) in the password.") };
    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = Wording.Pick("パスワードに記号を1文字以上入れてください。", "Put at least one symbol in the password.") };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = Wording.Pick($"パスワードには {uniqueChars} 種類以上の文字を使ってください。", $"Use at least {uniqueChars} different characters in the password.") };
}
