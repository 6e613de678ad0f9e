//! Which `Host` values name the server: a page on another site whose name
//! was made to resolve to 127.0.0.1 (DNS rebinding) reaches the preview
//! with its own name as `Host`, so only the names and addresses the
//! server listens on are answered, each with its port.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// The address a server listens on, which its requests' `Host` must name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Origin {
    listening: SocketAddr,
}

impl Origin {
    /// The origin of a server listening on `listening` (its real port, not 0).
    #[must_use]
    pub fn new(listening: SocketAddr) -> Origin {
        Origin { listening }
    }

    /// Whether `host` (a `Host` header's value) names this server:
    /// `localhost` or a loopback address, the address it was bound to, or,
    /// bound to every address (`0.0.0.0`, `::`), any IP address; with the
    /// server's port, which may be left out only when it is 80, as browsers
    /// do. A name a DNS server answers for (`evil.example`) never does.
    #[must_use]
    pub fn allows(&self, host: &str) -> bool {
        let Some((name, port)) = split(host) else {
            return false;
        };
        let port_matches = match port {
            Some(port) => port == self.listening.port(),
            None => self.listening.port() == 80,
        };
        port_matches && self.names(name)
    }

    fn names(&self, name: &str) -> bool {
        if name.eq_ignore_ascii_case("localhost") {
            return true;
        }
        let ip = match name.strip_prefix('[').and_then(|n| n.strip_suffix(']')) {
            Some(v6) => v6.parse::<Ipv6Addr>().ok().map(IpAddr::V6),
            None => name.parse::<Ipv4Addr>().ok().map(IpAddr::V4),
        };
        let bound = self.listening.ip();
        ip.is_some_and(|ip| ip.is_loopback() || ip == bound || bound.is_unspecified())
    }

    /// The address to show people, `http://127.0.0.1:1111/`.
    #[must_use]
    pub fn url(&self) -> String {
        format!("http://{}/", self.listening)
    }
}

/// `name:port`, `[v6]:port`, or a name alone; the port all digits.
fn split(host: &str) -> Option<(&str, Option<u16>)> {
    let (name, port) = match host.rfind(':') {
        Some(colon) if !host[colon..].contains(']') => (&host[..colon], Some(&host[colon + 1..])),
        _ => (host, None),
    };
    if name.is_empty() {
        return None;
    }
    let port = match port {
        Some(port) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => {
            Some(port.parse().ok()?)
        }
        Some(_) => return None,
        None => None,
    };
    Some((name, port))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin(address: &str) -> Origin {
        Origin::new(address.parse().unwrap())
    }

    #[test]
    fn loopback_names_with_the_port_are_the_server() {
        let served = origin("127.0.0.1:1111");
        for host in [
            "localhost:1111",
            "LocalHost:1111",
            "127.0.0.1:1111",
            "127.0.0.2:1111",
            "[::1]:1111",
        ] {
            assert!(served.allows(host), "{host}");
        }
    }

    #[test]
    fn other_names_wrong_ports_and_garbled_hosts_are_not() {
        let served = origin("127.0.0.1:1111");
        for host in [
            "evil.example:1111",
            "localhost.evil.example:1111",
            "127.0.0.1.nip.io:1111",
            "localhost:1112",
            "localhost",
            "127.0.0.1",
            "localhost:+1111",
            "localhost:",
            ":1111",
            "[::1]",
            "::1:1111",
            "10.0.0.5:1111",
            "localhost:99999",
        ] {
            assert!(!served.allows(host), "{host}");
        }
    }

    #[test]
    fn the_port_may_be_left_out_only_for_port_80() {
        let served = origin("127.0.0.1:80");
        assert!(served.allows("localhost"));
        assert!(served.allows("127.0.0.1"));
        assert!(served.allows("[::1]"));
        assert!(!served.allows("evil.example"));
    }

    #[test]
    fn the_bound_address_is_the_server_and_every_address_when_bound_to_all() {
        let lan = origin("192.168.1.5:1111");
        assert!(lan.allows("192.168.1.5:1111"));
        assert!(!lan.allows("192.168.1.6:1111"));
        let all = origin("0.0.0.0:1111");
        assert!(all.allows("192.168.1.6:1111"));
        assert!(all.allows("[fe80::1]:1111"));
        assert!(!all.allows("evil.example:1111"));
        let v6 = origin("[2001:db8::5]:1111");
        assert!(v6.allows("[2001:db8::5]:1111"));
    }
}
