/* sa-sandbox-random.c — random secrets of the sandbox, from getrandom(2)
 *
 * Access tokens and generated trainee passwords are secrets: they come from
 * the kernel's generator, never from g_random (see STYLE.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-random.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include <gio/gio.h>

/**
 * sa_sandbox_random_fill:
 * @buffer: (out caller-allocates) (array length=length): where the bytes go
 * @length: how many bytes
 * @error: return location for a #GError
 *
 * Fills @buffer with random bytes from getrandom(2), retrying after signals.
 *
 * Returns: %TRUE on success; %FALSE with a %G_IO_ERROR from errno
 */
gboolean
sa_sandbox_random_fill (guint8  *buffer,
                        gsize    length,
                        GError **error)
{
  gsize done = 0;

  while (done < length)
    {
      ssize_t n = getrandom (buffer + done, length - done, 0);

      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "getrandom: %s", g_strerror (saved_errno));
          return FALSE;
        }
      done += (gsize) n;
    }

  return TRUE;
}

/**
 * sa_sandbox_random_token:
 * @error: return location for a #GError
 *
 * A new access token (sign-in, POST /oauth2/token): 32 random bytes as
 * unpadded base64url, 43 characters.
 *
 * Returns: (transfer full) (nullable): the token, or %NULL with @error set as
 *   sa_sandbox_random_fill() does. Wipe it with explicit_bzero() once used.
 */
char *
sa_sandbox_random_token (GError **error)
{
  guint8 bytes[32];
  char *token;

  if (!sa_sandbox_random_fill (bytes, sizeof bytes, error))
    return NULL;

  token = g_base64_encode (bytes, sizeof bytes);
  explicit_bzero (bytes, sizeof bytes);
  g_strdelimit (token, "+", '-');
  g_strdelimit (token, "/", '_');
  g_strdelimit (token, "=", '\0');

  return token;
}
