// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 Fiscus contributors. Licensed under the Apache License, Version 2.0.
pragma solidity ^0.8.17;

/// @title The fund's NAV per unit and latest proof-of-reserve hash, on chain.
/// @notice Read like a Chainlink AggregatorV3Interface feed (decimals, description, version,
/// getRoundData, latestRoundData), so DeFi integrations price the fund unit without custom code.
/// Rounds are the platform's NAV publications (1, 2, 3…): the off-chain ledger is the source of
/// truth and only the platform's operator key (the engine's signer) may write. One feed per fund
/// and chain, deployed by the admin key with the fund's key in the constructor event so a
/// re-deploy can find it.
contract FiscusNavFeed {
    struct Round {
        int256 answer;
        uint64 updatedAt;
    }

    uint8 public immutable decimals;
    uint256 public constant version = 1;
    string public description;
    address public immutable owner;
    address public updater;

    uint80 public latestRound;
    mapping(uint80 => Round) private rounds;

    /// @notice sha-256 of the latest signed attestation's canonical JSON, and its unix time.
    bytes32 public latestAttestation;
    uint64 public latestAttestationAt;

    event FeedCreated(bytes32 indexed fundKey, address indexed updater);
    event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt);
    event AttestationPublished(bytes32 indexed hash, uint256 attestedAt);
    event UpdaterChanged(address indexed updater);

    error NotUpdater();
    error NotOwner();
    error StaleRound(uint80 roundId, uint80 latestRound);
    error InvalidAnswer();

    constructor(bytes32 fundKey, address updater_, uint8 decimals_, string memory description_) {
        owner = msg.sender;
        updater = updater_;
        decimals = decimals_;
        description = description_;
        emit FeedCreated(fundKey, updater_);
    }

    modifier onlyUpdater() {
        if (msg.sender != updater) revert NotUpdater();
        _;
    }

    function setUpdater(address updater_) external {
        if (msg.sender != owner) revert NotOwner();
        updater = updater_;
        emit UpdaterChanged(updater_);
    }

    /// @notice Rounds only move forward: a replayed or out-of-order publication cannot roll the NAV back.
    function publish(uint80 roundId, int256 answer, uint64 updatedAt) external onlyUpdater {
        if (roundId <= latestRound) revert StaleRound(roundId, latestRound);
        if (answer <= 0) revert InvalidAnswer();
        rounds[roundId] = Round(answer, updatedAt);
        latestRound = roundId;
        emit AnswerUpdated(answer, roundId, updatedAt);
    }

    function publishAttestation(bytes32 hash, uint64 attestedAt) external onlyUpdater {
        latestAttestation = hash;
        latestAttestationAt = attestedAt;
        emit AttestationPublished(hash, attestedAt);
    }

    function getRoundData(uint80 roundId)
        public
        view
        returns (uint80, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        Round memory r = rounds[roundId];
        require(r.updatedAt != 0, "No data present");
        return (roundId, r.answer, r.updatedAt, r.updatedAt, roundId);
    }

    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        return getRoundData(latestRound);
    }
}
