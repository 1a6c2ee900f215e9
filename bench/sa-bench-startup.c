/* sa-bench-startup.c — how long a GUI program takes to map its window (and,
 * for Smart Account Desk, to draw its first orders), measured from outside
 *
 * Usage: sa-bench-startup [--orders] -- PROGRAM [ARG…]
 *
 * Watches the X root window for the first top-level window being mapped
 * (MapNotify), starts PROGRAM, and prints one line:
 *   mapped_ms=12.3 orders_ms=45.6
 * orders_ms (with --orders) is when the app logged "orders drawn at N us"
 * (G_MESSAGES_DEBUG=sa-ui, read from its output; sa-order-results.c logs it once the first results
 * were painted), on the same monotonic clock. PROGRAM is then terminated.
 * bench/startup runs it for the app and for GNOME Text Editor, alternated.
 * Nothing is asserted: figures only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <X11/Xlib.h>

#define TIMEOUT_MS 30000

static double
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* Reads what the program wrote (stdout and stderr); returns the "orders drawn" time
 * (µs, monotonic) once seen, or a negative value. */
static double
scan_stderr (int      fd,
             char    *buffer,
             size_t  *used,
             size_t   size)
{
  const char *marker = "orders drawn at ";
  ssize_t n;
  char *hit;

  while ((n = read (fd, buffer + *used, size - 1 - *used)) > 0)
    {
      *used += (size_t) n;
      buffer[*used] = '\0';
      if (*used >= size - 1)
        {
          /* Keep the tail: the marker may straddle the boundary. */
          memmove (buffer, buffer + *used - 64, 64);
          *used = 64;
          buffer[*used] = '\0';
        }
    }
  hit = strstr (buffer, marker);
  if (hit != NULL)
    return strtod (hit + strlen (marker), NULL);

  return -1;
}

int
main (int   argc,
      char *argv[])
{
  int want_orders = 0;
  int first = 1;
  Display *display;
  Window root;
  int err_pipe[2];
  pid_t pid;
  double start, mapped = -1, orders = -1;
  char buffer[65536];
  size_t used = 0;

  for (; first < argc && strcmp (argv[first], "--") != 0; first++)
    if (strcmp (argv[first], "--orders") == 0)
      want_orders = 1;
  if (first >= argc - 1)
    {
      fprintf (stderr, "usage: %s [--orders] -- PROGRAM [ARG…]\n", argv[0]);
      return 2;
    }
  first++;

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      fprintf (stderr, "cannot open the X display\n");
      return 1;
    }
  root = DefaultRootWindow (display);
  XSelectInput (display, root, SubstructureNotifyMask);
  XSync (display, False);

  if (pipe (err_pipe) != 0)
    return 1;

  start = now_us ();
  pid = fork ();
  if (pid == 0)
    {
      /* GLib writes debug messages to stdout, warnings to stderr. */
      dup2 (err_pipe[1], STDOUT_FILENO);
      dup2 (err_pipe[1], STDERR_FILENO);
      close (err_pipe[0]);
      close (err_pipe[1]);
      execvp (argv[first], argv + first);
      _exit (127);
    }
  close (err_pipe[1]);
  fcntl (err_pipe[0], F_SETFL, O_NONBLOCK);

  while ((mapped < 0 || (want_orders && orders < 0)) && now_us () - start < TIMEOUT_MS * 1000.0)
    {
      struct pollfd fds[2] = {
        { .fd = ConnectionNumber (display), .events = POLLIN },
        { .fd = err_pipe[0], .events = POLLIN },
      };

      while (XPending (display) > 0)
        {
          XEvent event;

          XNextEvent (display, &event);
          if (event.type == MapNotify && mapped < 0 && !event.xmap.override_redirect)
            mapped = now_us ();
        }
      if (want_orders && orders < 0)
        {
          double at = scan_stderr (err_pipe[0], buffer, &used, sizeof buffer);

          if (at > 0)
            orders = at;
        }
      else
        scan_stderr (err_pipe[0], buffer, &used, sizeof buffer);
      poll (fds, 2, 5);
    }

  kill (pid, SIGTERM);
  for (int i = 0; i < 200 && waitpid (pid, NULL, WNOHANG) == 0; i++)
    usleep (10000);
  if (waitpid (pid, NULL, WNOHANG) == 0)
    {
      kill (pid, SIGKILL);
      waitpid (pid, NULL, 0);
    }
  XCloseDisplay (display);

  if (mapped < 0)
    {
      fprintf (stderr, "no window was mapped within %d ms\n", TIMEOUT_MS);
      return 1;
    }
  printf ("mapped_ms=%.1f", (mapped - start) / 1000.0);
  if (want_orders)
    printf (" orders_ms=%.1f", orders > 0 ? (orders - start) / 1000.0 : -1.0);
  printf ("\n");

  return 0;
}
