/* The scenario's "guitar" and its ear, each placed on CLOCK_MONOTONIC by the sound card's own
 * timestamped position (as the daemon does, independently written):
 *   pcmclock play DEVICE SECONDS OUT.txt FRAME...   plays silence with a click at each FRAME
 *   pcmclock capture DEVICE SECONDS OUT.raw OUT.txt  captures 16-bit stereo to OUT.raw
 * OUT.txt gets `segment FRAME ZERO_NS` per unbroken stretch (capture: when frame 0, counted in
 * the file's frames, would have passed the card at that stretch's pace) or `click FRAME NS` per
 * click (play: when the click left the card). Every reading of the card's position is late (a
 * timer tick, a period interrupt), never early, so the earliest in a stretch is the estimate.
 * Each reading is also written, `reading SEGMENT_START FRAMES_DONE POSITION ZERO_NS`: a stall longer
 * than the buffer makes the kernel miss a turn of the ring (the card's pointer is read modulo
 * the buffer), so the stream loses a buffer's time without an xrun; the host finds such a slip
 * in the readings (every later one a buffer later than every earlier one) and splits there. */
#include <alsa/asoundlib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

#define RATE 48000
#define PERIOD 256
/* A deep buffer (341 ms): a loaded emulator stalls the guest for longer than a short one lasts,
 * and each such stall costs an xrun or a slip. Timing comes from the card's positions, so the
 * depth does not change when a click left or a frame arrived. */
#define BUFFER_PERIODS 64

static void check(int rc, const char *what) {
    if (rc < 0) { fprintf(stderr, "pcmclock: %s: %s\n", what, snd_strerror(rc)); exit(1); }
}

/* A segment is a stretch the card played or captured without a break. After an under- or
 * overrun the card's frames and ours part by an unknown gap, so each segment gets its own zero,
 * and a click is timed by the segment it was played in. */
#define MAX_SEGMENTS 4096
static int64_t seg_start[MAX_SEGMENTS], seg_zero[MAX_SEGMENTS];
static int segments = 0;

#define MAX_READINGS 200000
static int64_t rd_seg[MAX_READINGS], rd_done[MAX_READINGS], rd_pos[MAX_READINGS], rd_zero[MAX_READINGS];
static int readings = 0;

static void write_readings(FILE *out) {
    for (int i = 0; i < readings; i++)
        fprintf(out, "reading %lld %lld %lld %lld\n", (long long)rd_seg[i], (long long)rd_done[i], (long long)rd_pos[i], (long long)rd_zero[i]);
}

static void new_segment(int64_t frames_done) {
    if (segments > 0 && seg_zero[segments - 1] == INT64_MAX) { seg_start[segments - 1] = frames_done; return; }
    if (segments == MAX_SEGMENTS) { fprintf(stderr, "pcmclock: too many breaks\n"); exit(1); }
    seg_start[segments] = frames_done;
    seg_zero[segments] = INT64_MAX;
    segments++;
}

static void observe(snd_pcm_t *pcm, int64_t frames_done, int capture) {
    snd_pcm_status_t *st;
    snd_pcm_status_alloca(&st);
    if (snd_pcm_status(pcm, st) < 0 || snd_pcm_status_get_state(st) != SND_PCM_STATE_RUNNING) return;
    snd_htimestamp_t ts;
    snd_pcm_status_get_htstamp(st, &ts);
    int64_t t = (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
    if (t <= 0) return; /* no stamp yet: the stream has not been read since it started */
    int64_t delay = snd_pcm_status_get_delay(st);
    int64_t position = capture ? frames_done + delay : frames_done - delay;
    if (!capture && position < seg_start[segments - 1]) return; /* still in the last segment's gap */
    int64_t z = t - position * 1000000000 / RATE;
    if (z < seg_zero[segments - 1]) seg_zero[segments - 1] = z;
    if (readings < MAX_READINGS) {
        rd_seg[readings] = seg_start[segments - 1]; rd_done[readings] = frames_done; rd_pos[readings] = position; rd_zero[readings] = z;
        readings++;
    }
}

static snd_pcm_t *open_pcm(const char *device, snd_pcm_stream_t stream) {
    snd_pcm_t *pcm;
    check(snd_pcm_open(&pcm, device, stream, 0), device);
    snd_pcm_hw_params_t *hw;
    snd_pcm_hw_params_alloca(&hw);
    check(snd_pcm_hw_params_any(pcm, hw), "hw any");
    check(snd_pcm_hw_params_set_access(pcm, hw, SND_PCM_ACCESS_RW_INTERLEAVED), "access");
    check(snd_pcm_hw_params_set_format(pcm, hw, SND_PCM_FORMAT_S16_LE), "format");
    check(snd_pcm_hw_params_set_channels(pcm, hw, 2), "channels");
    check(snd_pcm_hw_params_set_rate(pcm, hw, RATE, 0), "rate");
    snd_pcm_uframes_t period = PERIOD, buffer = PERIOD * BUFFER_PERIODS;
    check(snd_pcm_hw_params_set_period_size_near(pcm, hw, &period, NULL), "period");
    check(snd_pcm_hw_params_set_buffer_size_near(pcm, hw, &buffer), "buffer");
    check(snd_pcm_hw_params(pcm, hw), "hw params");
    snd_pcm_sw_params_t *sw;
    snd_pcm_sw_params_alloca(&sw);
    check(snd_pcm_sw_params_current(pcm, sw), "sw current");
    check(snd_pcm_sw_params_set_tstamp_mode(pcm, sw, SND_PCM_TSTAMP_ENABLE), "tstamp mode");
    check(snd_pcm_sw_params_set_tstamp_type(pcm, sw, SND_PCM_TSTAMP_TYPE_MONOTONIC), "tstamp type");
    check(snd_pcm_sw_params(pcm, sw), "sw params");
    return pcm;
}

/* Back to running after a break: recover, else prepare again, else open the device again. */
static snd_pcm_t *recover(snd_pcm_t *pcm, int err, const char *device, snd_pcm_stream_t stream, int64_t done) {
    fprintf(stderr, "pcmclock: %s at frame %lld\n", snd_strerror(err), (long long)done);
    if (err != -EPIPE) usleep(2000);
    if (snd_pcm_recover(pcm, err, 1) < 0) {
        snd_pcm_drop(pcm);
        if (snd_pcm_prepare(pcm) < 0) {
            snd_pcm_close(pcm);
            pcm = open_pcm(device, stream);
        }
    }
    if (stream == SND_PCM_STREAM_CAPTURE) snd_pcm_start(pcm);
    new_segment(done);
    return pcm;
}

int main(int argc, char **argv) {
    if (argc < 5) { fprintf(stderr, "usage: see the top of pcmclock.c\n"); return 2; }
    int capture = strcmp(argv[1], "capture") == 0;
    snd_pcm_stream_t stream = capture ? SND_PCM_STREAM_CAPTURE : SND_PCM_STREAM_PLAYBACK;
    int64_t total = (int64_t)(atof(argv[3]) * RATE);
    snd_pcm_t *pcm = open_pcm(argv[2], stream);
    new_segment(0);
    int16_t block[PERIOD * 2];
    int64_t done = 0;
    /* A card that keeps failing ends the run at three times its length. */
    int64_t give_up = now_ns() + (int64_t)(atof(argv[3]) * 3e9);
    if (capture) {
        FILE *raw = fopen(argv[4], "wb");
        if (!raw || argc < 6) { fprintf(stderr, "pcmclock: cannot write %s\n", argv[4]); return 1; }
        check(snd_pcm_start(pcm), "start");
        while (done < total && now_ns() < give_up) {
            snd_pcm_sframes_t n = snd_pcm_readi(pcm, block, PERIOD);
            if (n < 0) { pcm = recover(pcm, (int)n, argv[2], stream, done); continue; }
            fwrite(block, 4, n, raw);
            done += n;
            observe(pcm, done, 1);
        }
        fclose(raw);
        FILE *out = fopen(argv[5], "w");
        for (int i = 0; i < segments; i++)
            if (seg_zero[i] != INT64_MAX) fprintf(out, "segment %lld %lld\n", (long long)seg_start[i], (long long)seg_zero[i]);
        write_readings(out);
        fclose(out);
    } else {
        int clicks = argc - 5;
        int64_t *at = calloc(clicks + 1, sizeof(int64_t));
        for (int i = 0; i < clicks; i++) at[i] = atoll(argv[5 + i]);
        while (done < total && now_ns() < give_up) {
            memset(block, 0, sizeof block);
            for (int i = 0; i < clicks; i++)
                for (int64_t f = at[i]; f < at[i] + 48; f++)
                    if (f >= done && f < done + PERIOD) block[2 * (f - done)] = block[2 * (f - done) + 1] = f - at[i] < 24 ? 20000 : -20000;
            snd_pcm_sframes_t n = snd_pcm_writei(pcm, block, PERIOD);
            if (n < 0) { pcm = recover(pcm, (int)n, argv[2], stream, done); continue; }
            done += n;
            observe(pcm, done, 0);
        }
        snd_pcm_drain(pcm);
        FILE *out = fopen(argv[4], "w");
        /* A click is timed by the segment it was written in (an underrun means the card had
         * played all it was given, so that is also where it was heard), and only if that
         * segment was seen running. */
        for (int i = 0; i < clicks; i++) {
            int k = 0;
            while (k + 1 < segments && seg_start[k + 1] <= at[i]) k++;
            int whole = at[i] + 48 <= (k + 1 < segments ? seg_start[k + 1] : done);
            if (seg_zero[k] != INT64_MAX && whole)
                fprintf(out, "click %lld %lld\n", (long long)at[i], (long long)(seg_zero[k] + at[i] * 1000000000 / RATE));
            else
                fprintf(out, "lost %lld\n", (long long)at[i]);
        }
        for (int i = 0; i < segments; i++)
            if (seg_zero[i] != INT64_MAX) fprintf(out, "segment %lld %lld\n", (long long)seg_start[i], (long long)seg_zero[i]);
        write_readings(out);
        fclose(out);
    }
    snd_pcm_close(pcm);
    return 0;
}
