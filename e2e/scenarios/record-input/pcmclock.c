/* The scenario's "guitar" and its ear, each placed on CLOCK_MONOTONIC by the sound card's own
 * timestamped position (as the daemon does, independently written):
 *   pcmclock play DEVICE SECONDS OUT.txt FRAME...   plays silence with a click at each FRAME
 *   pcmclock capture DEVICE SECONDS OUT.raw OUT.txt  captures 16-bit stereo to OUT.raw
 * OUT.txt gets `zero_ns N`: when frame 0 passed the card. Every reading of the card's position
 * is late (a timer tick, a period interrupt), never early, so the earliest is the estimate. */
#include <alsa/asoundlib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RATE 48000
#define PERIOD 256

static void check(int rc, const char *what) {
    if (rc < 0) { fprintf(stderr, "pcmclock: %s: %s\n", what, snd_strerror(rc)); exit(1); }
}

static int64_t zero_ns = INT64_MAX;

static void observe(snd_pcm_t *pcm, int64_t frames_done, int capture) {
    snd_pcm_status_t *st;
    snd_pcm_status_alloca(&st);
    if (snd_pcm_status(pcm, st) < 0 || snd_pcm_status_get_state(st) != SND_PCM_STATE_RUNNING) return;
    snd_htimestamp_t ts;
    snd_pcm_status_get_htstamp(st, &ts);
    int64_t t = (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
    int64_t delay = snd_pcm_status_get_delay(st);
    int64_t position = capture ? frames_done + delay : frames_done - delay;
    int64_t z = t - position * 1000000000 / RATE;
    if (z < zero_ns) zero_ns = z;
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
    snd_pcm_uframes_t period = PERIOD, buffer = PERIOD * 4;
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

int main(int argc, char **argv) {
    if (argc < 5) { fprintf(stderr, "usage: see the top of pcmclock.c\n"); return 2; }
    int capture = strcmp(argv[1], "capture") == 0;
    int64_t total = (int64_t)(atof(argv[3]) * RATE);
    snd_pcm_t *pcm = open_pcm(argv[2], capture ? SND_PCM_STREAM_CAPTURE : SND_PCM_STREAM_PLAYBACK);
    int16_t block[PERIOD * 2];
    int64_t done = 0;
    if (capture) {
        FILE *raw = fopen(argv[4], "wb");
        if (!raw || argc < 6) { fprintf(stderr, "pcmclock: cannot write %s\n", argv[4]); return 1; }
        check(snd_pcm_start(pcm), "start");
        while (done < total) {
            snd_pcm_sframes_t n = snd_pcm_readi(pcm, block, PERIOD);
            if (n < 0) { fprintf(stderr, "pcmclock: overrun at frame %lld\n", (long long)done); check(snd_pcm_recover(pcm, n, 0), "recover"); continue; }
            fwrite(block, 4, n, raw);
            done += n;
            observe(pcm, done, 1);
        }
        fclose(raw);
        FILE *out = fopen(argv[5], "w");
        fprintf(out, "zero_ns %lld\n", (long long)zero_ns);
        fclose(out);
    } else {
        int clicks = argc - 5;
        int64_t *at = calloc(clicks + 1, sizeof(int64_t));
        for (int i = 0; i < clicks; i++) at[i] = atoll(argv[5 + i]);
        while (done < total) {
            memset(block, 0, sizeof block);
            for (int i = 0; i < clicks; i++)
                for (int64_t f = at[i]; f < at[i] + 48; f++)
                    if (f >= done && f < done + PERIOD) block[2 * (f - done)] = block[2 * (f - done) + 1] = f - at[i] < 24 ? 20000 : -20000;
            snd_pcm_sframes_t n = snd_pcm_writei(pcm, block, PERIOD);
            if (n < 0) { fprintf(stderr, "pcmclock: underrun at frame %lld\n", (long long)done); check(snd_pcm_recover(pcm, n, 0), "recover"); continue; }
            done += n;
            observe(pcm, done, 0);
        }
        snd_pcm_drain(pcm);
        FILE *out = fopen(argv[4], "w");
        fprintf(out, "zero_ns %lld\n", (long long)zero_ns);
        for (int i = 0; i < clicks; i++) fprintf(out, "click %lld\n", (long long)at[i]);
        fclose(out);
    }
    snd_pcm_close(pcm);
    return 0;
}
