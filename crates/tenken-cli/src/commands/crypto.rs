//! `tenken encrypt`, `decrypt`, `passphrase change`, `recover`, and the passphrase every
//! command on an encrypted store needs: `--passphrase-file FILE`, else `TENKEN_PASSPHRASE`,
//! else a prompt on a terminal, else `passphrase_required`. New passphrases:
//! `--new-passphrase-file FILE`, else `TENKEN_NEW_PASSPHRASE`, else a prompt asked twice.
//! The team's package passphrase: `--package-passphrase-file FILE`, else
//! `TENKEN_PACKAGE_PASSPHRASE`, else a prompt on a terminal (asked twice when writing), else
//! `package_passphrase_required`.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use tenken_core::crypto::{self, convert, DataKey, Secret};
use tenken_core::i18n::tr;
use tenken_core::{Error, Result};
use zeroize::Zeroizing;

use super::{data_dir, done, output};
use crate::args::Cli;
use crate::Ctx;

/// The data key of the store in the data folder: None for a plain store. A conversion a killed
/// process left behind is completed or rolled back first.
pub fn key(cli: &Cli) -> Result<Option<Arc<DataKey>>> {
    let dir = data_dir(cli);
    if dir.is_dir() {
        convert::finish_pending(&dir)?;
    }
    if !crypto::is_encrypted(&dir) {
        return Ok(None);
    }
    // A damaged keys file is reported before asking for anything.
    crypto::read_keys(&dir)?;
    let p = passphrase(cli, &dir)?;
    Ok(Some(Arc::new(crypto::unlock(
        &dir,
        &Secret::Passphrase(p),
    )?)))
}

/// The data key of an encrypted backup (None: a plain backup): its recovery key when a file
/// is given, else its passphrase.
pub fn backup_key(
    cli: &Cli,
    backup: &Path,
    recovery_key_file: Option<&Path>,
) -> Result<Option<Arc<DataKey>>> {
    if !tenken_core::backup::is_encrypted_backup(backup) {
        return Ok(None);
    }
    let keys = backup.join(crypto::KEYS_FILE);
    crypto::read_keys_file(&keys)?;
    let secret = match recovery_key_file {
        Some(f) => Secret::RecoveryKey(read_secret_file(f)?),
        None => Secret::Passphrase(passphrase(cli, backup)?),
    };
    Ok(Some(tenken_core::backup::backup_key(backup, &secret)?))
}

fn read_secret_file(path: &Path) -> Result<Zeroizing<String>> {
    let raw = Zeroizing::new(std::fs::read(path).map_err(|e| Error::io(path, e))?);
    let mut s = Zeroizing::new(
        String::from_utf8(raw.to_vec())
            .map_err(|_| Error::invalid("passphrase file", path.display(), "UTF-8 text"))?,
    );
    // One final line break is not part of the passphrase.
    if s.ends_with('\n') {
        s.pop();
        if s.ends_with('\r') {
            s.pop();
        }
    }
    Ok(s)
}

fn env_secret(name: &str) -> Option<Zeroizing<String>> {
    std::env::var(name)
        .ok()
        .filter(|v| !v.is_empty())
        .map(Zeroizing::new)
}

fn prompt(text: &str) -> Result<Zeroizing<String>> {
    // Fluent trims the message; the answer is typed after one space.
    rpassword::prompt_password(format!("{} ", text.trim_end()))
        .map(Zeroizing::new)
        .map_err(|e| Error::io("/dev/tty", e))
}

/// The current passphrase of the store (or backup) in `dir`.
fn passphrase(cli: &Cli, dir: &Path) -> Result<Zeroizing<String>> {
    if let Some(f) = &cli.passphrase_file {
        return read_secret_file(f);
    }
    if let Some(p) = env_secret("TENKEN_PASSPHRASE") {
        return Ok(p);
    }
    if std::io::stdin().is_terminal() {
        let lang = cli.lang.parse().unwrap_or_default();
        return prompt(&tr(lang, "cli-passphrase-prompt", &[]));
    }
    Err(Error::PassphraseRequired {
        path: dir.to_path_buf(),
    })
}

/// The team's package passphrase for the package at `path` (`writing`: asked twice on a
/// terminal).
pub fn package_passphrase(cli: &Cli, path: &Path, writing: bool) -> Result<Zeroizing<String>> {
    if let Some(f) = &cli.package_passphrase_file {
        return read_secret_file(f);
    }
    if let Some(p) = env_secret("TENKEN_PACKAGE_PASSPHRASE") {
        return Ok(p);
    }
    if std::io::stdin().is_terminal() {
        let lang = cli.lang.parse().unwrap_or_default();
        if !writing {
            return prompt(&tr(lang, "cli-package-passphrase-prompt", &[]));
        }
        let a = prompt(&tr(lang, "cli-new-package-passphrase-prompt", &[]))?;
        let b = prompt(&tr(lang, "cli-new-package-passphrase-again", &[]))?;
        if a != b {
            return Err(Error::PassphraseMismatch);
        }
        return Ok(a);
    }
    Err(Error::PackagePassphraseRequired {
        path: path.to_path_buf(),
    })
}

/// A new passphrase. `fallback`: `encrypt` also takes the current-passphrase sources.
fn new_passphrase(cli: &Cli, dir: &Path, fallback: bool) -> Result<Zeroizing<String>> {
    if let Some(f) = &cli.new_passphrase_file {
        return read_secret_file(f);
    }
    if let Some(p) = env_secret("TENKEN_NEW_PASSPHRASE") {
        return Ok(p);
    }
    if std::io::stdin().is_terminal() {
        let lang = cli.lang.parse().unwrap_or_default();
        let a = prompt(&tr(lang, "cli-new-passphrase-prompt", &[]))?;
        let b = prompt(&tr(lang, "cli-new-passphrase-again", &[]))?;
        if a != b {
            return Err(Error::PassphraseMismatch);
        }
        return Ok(a);
    }
    if fallback {
        if let Some(f) = &cli.passphrase_file {
            return read_secret_file(f);
        }
        if let Some(p) = env_secret("TENKEN_PASSPHRASE") {
            return Ok(p);
        }
    }
    Err(Error::PassphraseRequired {
        path: dir.to_path_buf(),
    })
}

pub fn encrypt(cli: &Cli, ctx: &Ctx, recovery_key_out: Option<&Path>) -> Result<ExitCode> {
    let dir = data_dir(cli);
    if dir.is_dir() {
        convert::finish_pending(&dir)?;
    }
    if crypto::is_encrypted(&dir) {
        return Err(Error::AlreadyEncrypted { path: dir });
    }
    let out = output(cli, false);
    if let Some(f) = recovery_key_out {
        out.check_file(f)?;
    }
    let pass = new_passphrase(cli, &dir, true)?;
    let r = convert::encrypt(&dir, &pass)?;
    let lang = ctx.lang;
    match recovery_key_out {
        Some(f) => {
            // The store is encrypted now; a failure to write the file must not hide the key.
            let line = format!("{}\n", &*r.recovery_key);
            if let Err(e) = out.write(f, line.as_bytes()) {
                eprintln!("{}", tr(lang, "cli-recovery-key-write-failed", &[]));
                eprintln!("{}", &*r.recovery_key);
                return Err(e);
            }
            ctx.out(
                &serde_json::json!({"encrypted": true, "evidence_files": r.evidence_files,
                    "recovery_key_file": f, "kdf": r.kdf}),
                || {
                    tr(
                        lang,
                        "cli-encrypt-done-file",
                        &[
                            ("path", dir.display().to_string().into()),
                            ("file", f.display().to_string().into()),
                        ],
                    )
                },
            )?;
        }
        None => ctx.out(
            &serde_json::json!({"encrypted": true, "evidence_files": r.evidence_files,
                "recovery_key": &*r.recovery_key, "kdf": r.kdf}),
            || {
                tr(
                    lang,
                    "cli-encrypt-done",
                    &[
                        ("path", dir.display().to_string().into()),
                        ("key", r.recovery_key.to_string().into()),
                    ],
                )
            },
        )?,
    }
    done()
}

pub fn decrypt(cli: &Cli, ctx: &Ctx) -> Result<ExitCode> {
    let dir = data_dir(cli);
    if dir.is_dir() {
        convert::finish_pending(&dir)?;
    }
    if !crypto::is_encrypted(&dir) {
        return Err(Error::NotEncrypted { path: dir });
    }
    crypto::read_keys(&dir)?;
    let pass = passphrase(cli, &dir)?;
    let r = convert::decrypt(&dir, &Secret::Passphrase(pass))?;
    ctx.out(
        &serde_json::json!({"encrypted": false, "evidence_files": r.evidence_files}),
        || {
            tr(
                ctx.lang,
                "cli-decrypt-done",
                &[("path", dir.display().to_string().into())],
            )
        },
    )?;
    done()
}

fn not_encrypted_first(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        convert::finish_pending(dir)?;
    }
    if !crypto::is_encrypted(dir) {
        return Err(Error::NotEncrypted {
            path: dir.to_path_buf(),
        });
    }
    crypto::read_keys(dir)?;
    Ok(())
}

pub fn change(cli: &Cli, ctx: &Ctx) -> Result<ExitCode> {
    let dir = data_dir(cli);
    not_encrypted_first(&dir)?;
    let old = passphrase(cli, &dir)?;
    // The current passphrase is checked before a new one is asked for.
    crypto::unlock(&dir, &Secret::Passphrase(old.clone()))?;
    let new = new_passphrase(cli, &dir, false)?;
    convert::set_passphrase(&dir, &Secret::Passphrase(old), &new)?;
    ctx.out(&serde_json::json!({"passphrase_changed": true}), || {
        tr(ctx.lang, "cli-passphrase-changed", &[])
    })?;
    done()
}

pub fn recover(cli: &Cli, ctx: &Ctx, recovery_key_file: &Path) -> Result<ExitCode> {
    let dir = data_dir(cli);
    not_encrypted_first(&dir)?;
    let secret = Secret::RecoveryKey(read_secret_file(recovery_key_file)?);
    crypto::unlock(&dir, &secret)?;
    let new = new_passphrase(cli, &dir, false)?;
    convert::set_passphrase(&dir, &secret, &new)?;
    ctx.out(&serde_json::json!({"passphrase_changed": true}), || {
        tr(ctx.lang, "cli-recovered", &[])
    })?;
    done()
}
