//! Any bytes a client sends to `serve` give a request head, a head still
//! incomplete, or an error, never a panic; a request only from a whole head
//! within the size cap, and the `Host` check answers for any host read.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postmortem::serve_http::{MAX_HEAD, Origin, head_end, parse};

fuzz_target!(|bytes: &[u8]| {
    match parse(bytes) {
        Ok(Some(request)) => {
            let end = head_end(bytes).expect("a request has a whole head");
            assert!(end <= MAX_HEAD);
            assert!(request.target.starts_with('/'));
            let _ = request.path();
            if let Some(host) = &request.host {
                let _ = Origin::new(([127, 0, 0, 1], 1111).into()).allows(host);
                let _ = Origin::new(([0, 0, 0, 0], 80).into()).allows(host);
            }
        }
        Ok(None) => assert!(bytes.len() < MAX_HEAD && head_end(bytes).is_none()),
        Err(_) => {}
    }
});
