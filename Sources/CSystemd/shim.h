#ifndef KINERJA_CSYSTEMD_SHIM_H
#define KINERJA_CSYSTEMD_SHIM_H

/* Swift always passes CODE_FILE/CODE_LINE/CODE_FUNC itself (from the Swift call
 * site, not from this header), so the location-adding convenience macros of
 * sd-journal.h must stay out of the way. */
#ifndef SD_JOURNAL_SUPPRESS_LOCATION
#define SD_JOURNAL_SUPPRESS_LOCATION 1
#endif

#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>
#include <sys/uio.h>
/* timerfd: Swift's Glibc module leaves it out; WallClockTimer needs it. */
#include <sys/timerfd.h>

#endif
